import { describe, expect, it } from 'vitest'
import { recoveryEndsAt, recoveryPausedMs, recoveryTakenMs, type RecoveryTimes } from '../../../shared/recovery'

const T0 = Date.parse('2026-11-22T09:00:00Z')
const MIN = 60_000
const running: RecoveryTimes = {
  status: 'running',
  startedAt: T0,
  pausedAt: null,
  pausedTotalMs: 0,
  durationMs: 5 * MIN,
  endedAt: null,
}

describe('recovery time with pauses', () => {
  it('ends a break at its start plus its pauses plus its length', () => {
    expect(recoveryEndsAt(running)).toBe(T0 + 5 * MIN)
    expect(recoveryEndsAt({ ...running, pausedTotalMs: 2 * MIN })).toBe(T0 + 7 * MIN)
    expect(recoveryEndsAt({ ...running, status: 'offered', startedAt: null })).toBeNull()
  })

  it('counts the pause still going on in the time paused', () => {
    const paused: RecoveryTimes = { ...running, status: 'paused', pausedAt: T0 + MIN, pausedTotalMs: 30_000 }
    expect(recoveryPausedMs(paused, T0 + 3 * MIN)).toBe(30_000 + 2 * MIN)
    expect(recoveryPausedMs({ ...running, pausedTotalMs: 30_000 }, T0 + 3 * MIN)).toBe(30_000)
  })

  it('counts a running break until now, without its pauses', () => {
    expect(recoveryTakenMs(running, T0 + 2 * MIN)).toBe(2 * MIN)
    expect(recoveryTakenMs({ ...running, pausedTotalMs: MIN }, T0 + 3 * MIN)).toBe(2 * MIN)
    expect(recoveryTakenMs(running, T0 - MIN)).toBe(0)
  })

  it('stops counting a paused break at its pause and an ended one at its end', () => {
    expect(recoveryTakenMs({ ...running, status: 'paused', pausedAt: T0 + MIN }, T0 + 4 * MIN)).toBe(MIN)
    const endedEarly: RecoveryTimes = { ...running, status: 'ended-early', pausedTotalMs: MIN, endedAt: T0 + 4 * MIN }
    expect(recoveryTakenMs(endedEarly, T0 + 60 * MIN)).toBe(3 * MIN)
  })

  it('counts a running break past its planned end as its whole length, and a break never taken as nothing', () => {
    expect(recoveryTakenMs({ ...running, pausedTotalMs: MIN }, T0 + 60 * MIN)).toBe(5 * MIN)
    expect(recoveryTakenMs({ ...running, status: 'declined', startedAt: null, endedAt: T0 }, T0 + MIN)).toBe(0)
  })
})
