import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { countdown } from '../../../renderer/src/now'

describe('countdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 1_000_000 })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('shows the seconds left at once and drops each number exactly on its second', () => {
    const shown: number[] = []
    // Logged 300 ms ago: 9.7 s of the 10 are left.
    countdown(Date.now() + 9_700, (seconds) => shown.push(seconds))
    expect(shown).toEqual([10])
    vi.advanceTimersByTime(699)
    expect(shown).toEqual([10])
    vi.advanceTimersByTime(1)
    expect(shown).toEqual([10, 9])
    vi.advanceTimersByTime(8_000)
    expect(shown.at(-1)).toBe(1)
    vi.advanceTimersByTime(999)
    expect(shown.at(-1)).toBe(1)
    vi.advanceTimersByTime(1)
    expect(shown).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0])
    vi.advanceTimersByTime(5_000)
    expect(shown).toHaveLength(11)
  })

  it('a timer that fires late shows the right number, and stopping it ends the ticks', () => {
    const shown: number[] = []
    const stop = countdown(Date.now() + 3_000, (seconds) => shown.push(seconds))
    vi.setSystemTime(Date.now() + 2_500) // the page was busy: the clock moved, no timer ran
    vi.advanceTimersByTime(0)
    vi.advanceTimersByTime(1_000) // the first timer fires, 1.5 s late
    expect(shown).toEqual([3, 0])
    const after = countdown(Date.now() + 5_000, (seconds) => shown.push(seconds))
    after()
    vi.advanceTimersByTime(10_000)
    expect(shown).toEqual([3, 0, 5])
    stop()
  })
})
