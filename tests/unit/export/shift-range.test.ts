import { describe, expect, it } from 'vitest'
import { localClock } from '../../../electron/services/time/local-clock'
import { shiftRange } from '../../../electron/services/export/shift-range'

const clock = localClock('Europe/Amsterdam')
const local = (text: string) => Date.parse(text)

describe('shiftRange', () => {
  it('shift hours: today’s shift once it has begun', () => {
    const range = shiftRange(
      { shiftMode: 'hours', shiftStart: '08:00', shiftEnd: '16:30' },
      local('2026-11-22T15:00:00+01:00'),
      clock,
      () => null,
    )
    expect(range).toEqual({ from: local('2026-11-22T08:00:00+01:00'), to: local('2026-11-22T16:30:00+01:00') })
  })

  it('a night shift runs past midnight and is still yesterday’s in the early morning', () => {
    const range = shiftRange(
      { shiftMode: 'hours', shiftStart: '22:00', shiftEnd: '06:00' },
      local('2026-11-23T05:30:00+01:00'),
      clock,
      () => null,
    )
    expect(range).toEqual({ from: local('2026-11-22T22:00:00+01:00'), to: local('2026-11-23T06:00:00+01:00') })
  })

  it('keeps wall-clock hours across a DST change', () => {
    const range = shiftRange(
      { shiftMode: 'hours', shiftStart: '08:00', shiftEnd: '16:00' },
      local('2026-03-29T12:00:00+02:00'),
      clock,
      () => null,
    )
    expect(range.from).toBe(local('2026-03-29T08:00:00+02:00'))
  })

  it('since the first call today, until now; from midnight when there was none', () => {
    const now = local('2026-11-22T15:00:00+01:00')
    const first = local('2026-11-22T07:42:00+01:00')
    const settings = { shiftMode: 'first-call' as const, shiftStart: '08:00', shiftEnd: '16:30' }
    expect(
      shiftRange(settings, now, clock, (since) => (since === local('2026-11-22T00:00:00+01:00') ? first : null)),
    ).toEqual({ from: first, to: now + 1 })
    expect(shiftRange(settings, now, clock, () => null)).toEqual({
      from: local('2026-11-22T00:00:00+01:00'),
      to: now + 1,
    })
  })
})
