import { afterEach, describe, expect, it, vi } from 'vitest'
import { ImportUploads } from '../../../electron/services/storage/import-uploads'
import { IMPORT_CHUNK_CHARS, type PersonalData } from '../../../shared/personal-data'
import { testServices, type TestServices } from '../../helpers/services'

const T0 = Date.parse('2026-11-22T09:00:00Z')

let open: TestServices[] = []
afterEach(() => {
  for (const services of open) services.dispose()
  open = []
  vi.useRealTimers()
})

function services(): TestServices {
  const made = testServices(() => T0)
  open.push(made)
  return made
}

/** Sends `text` through the dispatcher in pieces of `size`, as the window does; returns the commit's result. */
async function upload(target: TestServices, text: string, caller = 'a', size = IMPORT_CHUNK_CHARS) {
  const begun = await target.dispatch('data:import-begin', { size: text.length }, caller)
  if (!begun.ok) return begun
  const { uploadId } = begun.value as { uploadId: string }
  for (let index = 0; index * size < text.length; index++) {
    const piece = text.slice(index * size, (index + 1) * size)
    const sent = await target.dispatch('data:import-chunk', { uploadId, index, text: piece }, caller)
    if (!sent.ok) return sent
  }
  return target.dispatch('data:import-commit', { uploadId }, caller)
}

function withCalls(target: TestServices, n: number): string {
  for (let i = 0; i < n; i++) {
    target.calls.start({ source: 'window' })
    target.calls.log('anger-rising', 'window', `"quoted" ünïcödé 🙂 \\ line ${i}\n`)
    target.calls.end('window')
  }
  return target.personalData.export().text
}

const stored = (target: TestServices) => {
  const data = JSON.parse(target.personalData.export().text) as PersonalData
  return { calls: data.calls.length, events: data.events.length }
}

describe('import in pieces', () => {
  it('imports a file sent in many small pieces, equal to a whole import', async () => {
    const text = withCalls(services(), 20)
    const target = services()
    // Small pieces, so pieces split escapes, surrogate pairs and multi-byte characters.
    const result = await upload(target, text, 'a', 7)
    expect(result).toMatchObject({ ok: true, value: { calls: 20, events: 60 } })
    expect(stored(target)).toEqual({ calls: 20, events: 60 })
    expect(target.personalData.uploadsInProgress).toBe(0)
  })

  it('changes nothing when a piece is missing, out of order, or the file is incomplete', async () => {
    const text = withCalls(services(), 3)
    const target = services()
    const begin = async (caller = 'a') =>
      ((await target.dispatch('data:import-begin', { size: text.length }, caller)) as { value: { uploadId: string } })
        .value.uploadId

    let uploadId = await begin()
    const skipped = await target.dispatch('data:import-chunk', { uploadId, index: 1, text: text.slice(0, 10) }, 'a')
    expect(skipped).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    // The upload is gone after a piece out of order: the rest cannot land.
    const after = await target.dispatch('data:import-commit', { uploadId }, 'a')
    expect(after).toMatchObject({ ok: false, error: { code: 'not-found' } })

    uploadId = await begin()
    await target.dispatch('data:import-chunk', { uploadId, index: 0, text: text.slice(0, 10) }, 'a')
    const early = await target.dispatch('data:import-commit', { uploadId }, 'a')
    expect(early).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'size' }] } })

    uploadId = await begin()
    const tooMuch = await target.dispatch('data:import-chunk', { uploadId, index: 0, text: text + 'x' }, 'a')
    expect(tooMuch.ok).toBe(false)

    expect(stored(target)).toEqual({ calls: 0, events: 0 })
    expect(target.personalData.uploadsInProgress).toBe(0)
  })

  it('imports nothing from a whole file that does not validate', async () => {
    const target = services()
    const result = await upload(target, JSON.stringify({ format: 'calmdeck-personal-data', calls: 'many' }))
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(stored(target)).toEqual({ calls: 0, events: 0 })
  })

  it('keeps each upload to the caller that began it, and drops it when that caller goes', async () => {
    const text = withCalls(services(), 2)
    const target = services()
    const begun = await target.dispatch('data:import-begin', { size: text.length }, 'a')
    const { uploadId } = (begun as { value: { uploadId: string } }).value
    const stranger = await target.dispatch('data:import-chunk', { uploadId, index: 0, text }, 'b')
    expect(stranger).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await target.dispatch('data:import-chunk', { uploadId, index: 0, text }, 'a')
    target.personalData.callerGone('a')
    const commit = await target.dispatch('data:import-commit', { uploadId }, 'a')
    expect(commit).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(stored(target)).toEqual({ calls: 0, events: 0 })
  })

  it('refuses a file larger than allowed before anything is sent', async () => {
    const target = services()
    const result = await target.dispatch('data:import-begin', { size: 257 * 1024 * 1024 }, 'a')
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'size' }] } })
    const piece = await target.dispatch('data:import-chunk', {
      uploadId: 'x',
      index: 0,
      text: 'x'.repeat(IMPORT_CHUNK_CHARS + 1),
    })
    expect(piece).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ path: 'text' }] } })
  })
})

describe('ImportUploads', () => {
  it('drops an upload that stalls', () => {
    vi.useFakeTimers()
    const uploads = new ImportUploads({ idleMs: 1000 })
    const { uploadId } = uploads.begin('a', 4)
    vi.advanceTimersByTime(900)
    uploads.append('a', uploadId, 0, 'ab')
    // Each piece restarts the wait.
    vi.advanceTimersByTime(900)
    expect(uploads.size).toBe(1)
    vi.advanceTimersByTime(100)
    expect(uploads.size).toBe(0)
    expect(() => uploads.append('a', uploadId, 1, 'cd')).toThrow(/interrupted/)
  })

  it('bounds what all uploads together may hold; a caller beginning again replaces its own', () => {
    const uploads = new ImportUploads({ maxTotalChars: 10 })
    uploads.begin('a', 6)
    expect(() => uploads.begin('b', 5)).toThrow(/in progress/)
    const { uploadId } = uploads.begin('a', 10)
    expect(uploads.size).toBe(1)
    uploads.append('a', uploadId, 0, '0123456789')
    expect(uploads.take('a', uploadId)).toBe('0123456789')
    expect(uploads.size).toBe(0)
    uploads.dispose()
  })
})
