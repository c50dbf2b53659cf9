import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { AutosaveScheduler, type SaveStatus } from '../../../renderer/src/notes/autosave'

let saves: string[]
let statuses: SaveStatus[]
let answer: () => Promise<boolean>

function scheduler(): AutosaveScheduler<string> {
  return new AutosaveScheduler<string>({
    save: (text) => {
      saves.push(text)
      return answer()
    },
    onStatus: (status) => statuses.push(status),
    retryMs: 1000,
    maxRetryMs: 8000,
    now: () => Date.now(),
  })
}

beforeEach(() => {
  vi.useFakeTimers()
  saves = []
  statuses = []
  answer = () => Promise.resolve(true)
})
afterEach(() => vi.useRealTimers())

describe('AutosaveScheduler', () => {
  it('saves about 300 ms after typing stops', async () => {
    const autosave = scheduler()
    autosave.change('a')
    await vi.advanceTimersByTimeAsync(200)
    autosave.change('ab')
    await vi.advanceTimersByTimeAsync(299)
    expect(saves).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(saves).toEqual(['ab'])
    expect(statuses.at(-1)).toBe('saved')
    expect(autosave.dirty).toBe(false)
  })

  it('saves at least every 2 seconds while typing never pauses', async () => {
    const autosave = scheduler()
    let text = ''
    for (let ms = 0; ms < 5000; ms += 100) {
      text += 'x'
      autosave.change(text)
      await vi.advanceTimersByTimeAsync(100)
    }
    // Without the 2 s cap, continuous typing would never be saved.
    expect(saves.length).toBeGreaterThanOrEqual(2)
    expect(saves[0]?.length).toBeLessThanOrEqual(21)
  })

  it('reports "saved" only when the latest text is committed', async () => {
    let release: (ok: boolean) => void = () => {}
    answer = () => new Promise((resolve) => (release = resolve))
    const autosave = scheduler()
    autosave.change('one')
    await vi.advanceTimersByTimeAsync(300)
    expect(saves).toEqual(['one'])
    autosave.change('one two')
    release(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(statuses.at(-1)).toBe('pending')
    expect(autosave.dirty).toBe(true)
    await vi.advanceTimersByTimeAsync(300)
    expect(saves).toEqual(['one', 'one two'])
    release(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(statuses.at(-1)).toBe('saved')
  })

  it('keeps failed text and retries with backoff until it goes through, never saying "saved" before', async () => {
    let fail = 3
    answer = () => Promise.resolve(fail-- <= 0)
    const autosave = scheduler()
    autosave.change('keep me')
    await vi.advanceTimersByTimeAsync(300)
    expect(statuses.at(-1)).toBe('failed')
    await vi.advanceTimersByTimeAsync(1000)
    await vi.advanceTimersByTimeAsync(2000)
    expect(saves).toEqual(['keep me', 'keep me', 'keep me'])
    expect(statuses).not.toContain('saved')
    await vi.advanceTimersByTimeAsync(4000)
    expect(saves).toHaveLength(4)
    expect(statuses.at(-1)).toBe('saved')
  })

  it('treats a rejected save (host gone) as a failure', async () => {
    answer = () => Promise.reject(new Error('socket closed'))
    const autosave = scheduler()
    autosave.change('text')
    await vi.advanceTimersByTimeAsync(300)
    expect(statuses.at(-1)).toBe('failed')
    expect(autosave.dirty).toBe(true)
  })

  it('flushes at once and waits for a save already in flight', async () => {
    let release: (ok: boolean) => void = () => {}
    answer = () => new Promise((resolve) => (release = resolve))
    const autosave = scheduler()
    autosave.change('first')
    await vi.advanceTimersByTimeAsync(300)
    autosave.change('first and more')
    const flushed = autosave.flush()
    release(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(saves).toEqual(['first', 'first and more'])
    release(true)
    await flushed
    expect(autosave.dirty).toBe(false)
  })

  it('flush with nothing pending does not save', async () => {
    const autosave = scheduler()
    await autosave.flush()
    expect(saves).toEqual([])
  })
})
