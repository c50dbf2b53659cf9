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

  it.each([
    // Spring forward and fall back in Amsterdam, St John's and Adelaide: 06:00 next morning, whatever the night.
    ['Europe/Amsterdam', '2026-03-29T05:00:00+02:00', '2026-03-28T22:00:00+01:00', '2026-03-29T06:00:00+02:00'],
    ['Europe/Amsterdam', '2026-10-25T05:00:00+01:00', '2026-10-24T22:00:00+02:00', '2026-10-25T06:00:00+01:00'],
    ['America/St_Johns', '2026-03-08T05:00:00-02:30', '2026-03-07T22:00:00-03:30', '2026-03-08T06:00:00-02:30'],
    ['America/St_Johns', '2026-11-01T05:00:00-03:30', '2026-10-31T22:00:00-02:30', '2026-11-01T06:00:00-03:30'],
    ['Australia/Adelaide', '2026-04-04T23:00:00+10:30', '2026-04-04T22:00:00+10:30', '2026-04-05T06:00:00+09:30'],
    ['Australia/Adelaide', '2026-10-04T01:00:00+09:30', '2026-10-03T22:00:00+09:30', '2026-10-04T06:00:00+10:30'],
    ['Asia/Kolkata', '2026-03-29T05:00:00+05:30', '2026-03-28T22:00:00+05:30', '2026-03-29T06:00:00+05:30'],
  ])('%s: a 22:00–06:00 night shift at %s runs %s – %s', (zone, now, from, to) => {
    const range = shiftRange(
      { shiftMode: 'hours', shiftStart: '22:00', shiftEnd: '06:00' },
      local(now),
      localClock(zone),
      () => null,
    )
    expect(range).toEqual({ from: local(from), to: local(to) })
  })

  it('a day shift on a DST day ends at its wall-clock end, and equal start and end is 24 hours of clock', () => {
    const day = shiftRange(
      { shiftMode: 'hours', shiftStart: '01:00', shiftEnd: '09:00' },
      local('2026-10-25T08:00:00+01:00'),
      clock,
      () => null,
    )
    expect(day).toEqual({ from: local('2026-10-25T01:00:00+02:00'), to: local('2026-10-25T09:00:00+01:00') })
    const full = shiftRange(
      { shiftMode: 'hours', shiftStart: '07:00', shiftEnd: '07:00' },
      local('2026-03-29T12:00:00+02:00'),
      clock,
      () => null,
    )
    expect(full).toEqual({ from: local('2026-03-29T07:00:00+02:00'), to: local('2026-03-30T07:00:00+02:00') })
  })

  it('first-call mode starts at local midnight on a DST day', () => {
    const now = local('2026-03-08T12:00:00-02:30')
    const range = shiftRange(
      { shiftMode: 'first-call', shiftStart: '08:00', shiftEnd: '16:30' },
      now,
      localClock('America/St_Johns'),
      () => null,
    )
    expect(range).toEqual({ from: local('2026-03-08T00:00:00-03:30'), to: now + 1 })
  })
})
