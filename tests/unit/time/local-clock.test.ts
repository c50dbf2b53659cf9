import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { localClock, machineClock, machineTimeZone } from '../../../electron/services/time/local-clock'
import { changeHours, intlIso } from '../../helpers/intl-time'

const ZONES = ['Europe/Amsterdam', 'America/St_Johns', 'Australia/Adelaide', 'Asia/Kolkata'] as const
const at = (text: string) => Date.parse(text)

describe('localClock', () => {
  it.each([
    // The half hour after St John's clocks go forward (02:00 NST → 03:00 NDT at 05:30 UTC) and back.
    ['America/St_Johns', '2026-03-08T05:29:59Z', '2026-03-08T01:59:59-03:30'],
    ['America/St_Johns', '2026-03-08T05:30:00Z', '2026-03-08T03:00:00-02:30'],
    ['America/St_Johns', '2026-03-08T05:45:00Z', '2026-03-08T03:15:00-02:30'],
    ['America/St_Johns', '2026-11-01T04:15:00Z', '2026-11-01T01:45:00-02:30'],
    ['America/St_Johns', '2026-11-01T04:45:00Z', '2026-11-01T01:15:00-03:30'],
    // Adelaide: back from +10:30 to +09:30 at 16:30 UTC, forward again in October.
    ['Australia/Adelaide', '2026-04-04T16:29:00Z', '2026-04-05T02:59:00+10:30'],
    ['Australia/Adelaide', '2026-04-04T16:45:00Z', '2026-04-05T02:15:00+09:30'],
    ['Australia/Adelaide', '2026-10-03T16:45:00Z', '2026-10-04T03:15:00+10:30'],
    ['Asia/Kolkata', '2026-03-29T01:30:00Z', '2026-03-29T07:00:00+05:30'],
    ['Europe/Amsterdam', '2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'],
    ['Europe/Amsterdam', '2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
    ['Europe/Amsterdam', '2026-10-25T00:30:00Z', '2026-10-25T02:30:00+02:00'],
    ['Europe/Amsterdam', '2026-10-25T01:30:00Z', '2026-10-25T02:30:00+01:00'],
  ])('%s: %s is %s', (zone, instant, local) => {
    const clock = localClock(zone)
    expect(clock.iso(at(instant))).toBe(local)
    expect(clock.offsetLabel(at(instant))).toBe(`UTC${local.slice(19)}`)
    expect(clock.dateTime(at(instant))).toBe(local.slice(0, 19).replace('T', ' '))
    expect(clock.time(at(instant))).toBe(local.slice(11, 16))
  })

  it('prints the same whichever instant it is asked first (the cache is per instant, not per order)', () => {
    const forward = localClock('America/St_Johns')
    const backward = localClock('America/St_Johns')
    const instants = Array.from({ length: 121 }, (_, i) => at('2026-03-08T04:30:00Z') + i * 60_000)
    const ahead = instants.map((ms) => forward.iso(ms))
    const behind = [...instants].reverse().map((ms) => backward.iso(ms))
    expect(behind.reverse()).toEqual(ahead)
    expect(ahead).toEqual(instants.map((ms) => intlIso('America/St_Johns', ms)))
  })

  it.each([
    // A DST day: midnight is still at the old offset.
    ['Europe/Amsterdam', '2026-03-29T12:00:00+02:00', '2026-03-29T00:00:00+01:00'],
    ['Europe/Amsterdam', '2026-10-25T23:30:00+01:00', '2026-10-25T00:00:00+02:00'],
    ['America/St_Johns', '2026-03-08T12:00:00-02:30', '2026-03-08T00:00:00-03:30'],
    ['Australia/Adelaide', '2026-04-05T23:59:00+09:30', '2026-04-05T00:00:00+10:30'],
    ['Asia/Kolkata', '2026-11-22T00:10:00+05:30', '2026-11-22T00:00:00+05:30'],
    // Chile skips midnight: the day begins at 01:00.
    ['America/Santiago', '2026-09-06T12:00:00-03:00', '2026-09-06T01:00:00-03:00'],
  ])('%s: the day of %s starts at %s', (zone, instant, midnight) => {
    expect(localClock(zone).startOfDay(at(instant))).toBe(at(midnight))
  })

  it('places wall-clock times on local days: skipped times move forward, repeated ones are the first', () => {
    const clock = localClock('Europe/Amsterdam')
    const day = at('2026-03-28T22:00:00+01:00')
    expect(clock.atTime(day, 6 * 60, 1)).toBe(at('2026-03-29T06:00:00+02:00'))
    expect(clock.atTime(day, 150, 1)).toBe(at('2026-03-29T03:30:00+02:00'))
    expect(clock.instant({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 })).toBe(at('2026-10-25T02:30:00+02:00'))
    expect(clock.instant({ year: 2026, month: 10, day: 25, hour: 3 })).toBe(at('2026-10-25T03:00:00+01:00'))
    expect(clock.instant({ year: 2026, month: 3, day: 29, hour: 2 })).toBe(at('2026-03-29T03:00:00+02:00'))
    expect(clock.instant({ year: 2026, month: 3, day: 29, hour: 1, minute: 59 })).toBe(at('2026-03-29T01:59:00+01:00'))
    const adelaide = localClock('Australia/Adelaide')
    expect(adelaide.instant({ year: 2026, month: 4, day: 5, hour: 2, minute: 30 })).toBe(
      at('2026-04-05T02:30:00+10:30'),
    )
    expect(adelaide.instant({ year: 2026, month: 10, day: 4, hour: 2, minute: 30 })).toBe(
      at('2026-10-04T03:30:00+10:30'),
    )
    expect(clock.instant({ year: 2026, month: 3, day: 32 })).toBe(at('2026-04-01T00:00:00+02:00'))
    expect(clock.wallClock(at('2026-10-25T02:30:05.250+01:00'))).toEqual({
      year: 2026,
      month: 10,
      day: 25,
      hour: 2,
      minute: 30,
      second: 5,
      millisecond: 250,
    })
  })

  it('refuses a zone Intl does not know', () => {
    expect(() => localClock('Mars/Olympus_Mons')).toThrow(RangeError)
  })

  it('property: iso() agrees with Intl.DateTimeFormat, anywhere and right around offset changes', () => {
    const from = at('2020-01-01T00:00:00Z')
    const to = at('2031-01-01T00:00:00Z')
    const zone = fc.constantFrom(...ZONES)
    const anywhere = fc.tuple(zone, fc.integer({ min: at('1970-01-01T00:00:00Z'), max: at('2100-01-01T00:00:00Z') }))
    const changes = new Map(ZONES.map((name) => [name, changeHours(name, from, to)]))
    const nearChange = zone.chain((name) => {
      const hours = changes.get(name) ?? []
      if (hours.length === 0) return fc.tuple(fc.constant(name), fc.integer({ min: from, max: to }))
      return fc.tuple(
        fc.constant(name),
        fc
          .tuple(fc.constantFrom(...hours), fc.integer({ min: -3_600_000, max: 2 * 3_600_000 }))
          .map(([hour, delta]) => hour + delta),
      )
    })
    fc.assert(
      fc.property(fc.oneof(anywhere, nearChange, nearChange), ([name, ms]) => {
        expect(localClock(name).iso(ms)).toBe(intlIso(name, ms))
      }),
      { numRuns: 1500 },
    )
  })
})

describe('machineClock', () => {
  it("answers as the machine's clock, made only when first asked", () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat')
    const clock = machineClock()
    expect(made).not.toHaveBeenCalled()
    const real = localClock(machineTimeZone())
    const ms = at('2026-10-25T01:30:00Z')
    expect(clock.timeZone).toBe(real.timeZone)
    expect([clock.iso(ms), clock.dateTime(ms), clock.date(ms), clock.time(ms), clock.offsetLabel(ms)]).toEqual([
      real.iso(ms),
      real.dateTime(ms),
      real.date(ms),
      real.time(ms),
      real.offsetLabel(ms),
    ])
    expect(clock.wallClock(ms)).toEqual(real.wallClock(ms))
    expect([clock.offsetMinutes(ms), clock.startOfDay(ms), clock.atTime(ms, 90, 1)]).toEqual([
      real.offsetMinutes(ms),
      real.startOfDay(ms),
      real.atTime(ms, 90, 1),
    ])
    expect(clock.instant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 })).toBe(
      real.instant({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }),
    )
    made.mockRestore()
  })
})
