import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deferredStart } from '../../../electron/services/startup/deferred-start'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('deferredStart', () => {
  it('runs the work once, a little after the first page connected', () => {
    const work = vi.fn()
    const start = deferredStart(work, { afterPageMs: 500, fallbackMs: 1500 })
    vi.advanceTimersByTime(100)
    start.pageConnected()
    vi.advanceTimersByTime(499)
    expect(work).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(work).toHaveBeenCalledTimes(1)
    start.pageConnected()
    vi.advanceTimersByTime(5000)
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('runs it anyway when no page comes', () => {
    const work = vi.fn()
    deferredStart(work, { afterPageMs: 500, fallbackMs: 1500 })
    vi.advanceTimersByTime(1499)
    expect(work).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(work).toHaveBeenCalledTimes(1)
  })

  it('never runs it once cancelled (the host closed first)', () => {
    const work = vi.fn()
    const start = deferredStart(work, { afterPageMs: 500, fallbackMs: 1500 })
    start.pageConnected()
    start.cancel()
    vi.advanceTimersByTime(5000)
    expect(work).not.toHaveBeenCalled()
  })
})
