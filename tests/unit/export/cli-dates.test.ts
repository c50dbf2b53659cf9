import { describe, expect, it } from 'vitest'
import { parseExportArgs, parseMoment } from '../../../electron/cli/export-args'
import { localClock } from '../../../electron/services/time/local-clock'

const at = (text: string) => Date.parse(text)

describe('--from / --to dates in the report’s zone', () => {
  it.each([
    // A date is the start of that local day, also on DST days and far from UTC.
    ['Europe/Amsterdam', '2026-03-29', '2026-03-29T00:00:00+01:00'],
    ['Europe/Amsterdam', '2026-10-26', '2026-10-26T00:00:00+01:00'],
    ['America/St_Johns', '2026-03-08', '2026-03-08T00:00:00-03:30'],
    ['America/St_Johns', '2026-11-02', '2026-11-02T00:00:00-03:30'],
    ['Australia/Adelaide', '2026-04-05', '2026-04-05T00:00:00+10:30'],
    ['Australia/Adelaide', '2026-10-05', '2026-10-05T00:00:00+10:30'],
    ['Asia/Kolkata', '2026-11-22', '2026-11-22T00:00:00+05:30'],
    ['Pacific/Kiritimati', '2026-11-22', '2026-11-22T00:00:00+14:00'],
    ['America/Santiago', '2026-09-06', '2026-09-06T01:00:00-03:00'],
    // A local date-time is that wall clock; skipped times move forward, repeated ones are the first.
    ['Europe/Amsterdam', '2026-03-29T03:30', '2026-03-29T03:30:00+02:00'],
    ['Europe/Amsterdam', '2026-03-29T02:30', '2026-03-29T03:30:00+02:00'],
    ['Europe/Amsterdam', '2026-10-25 02:30:15', '2026-10-25T02:30:15+02:00'],
    ['America/St_Johns', '2026-03-08T03:15', '2026-03-08T03:15:00-02:30'],
    ['America/St_Johns', '2026-11-01T01:15', '2026-11-01T01:15:00-02:30'],
    ['Australia/Adelaide', '2026-04-05T02:45', '2026-04-05T02:45:00+10:30'],
    ['Australia/Adelaide', '2026-10-04T03:15', '2026-10-04T03:15:00+10:30'],
    ['Asia/Kolkata', '2026-11-22T08:00:00.500', '2026-11-22T08:00:00.500+05:30'],
    ['Pacific/Kiritimati', '2026-11-22T08:00', '2026-11-22T08:00:00+14:00'],
    // With Z or an offset the zone does not matter.
    ['Australia/Adelaide', '2026-11-22T08:00Z', '2026-11-22T08:00:00Z'],
    ['America/St_Johns', '2026-11-22T08:00+0100', '2026-11-22T08:00:00+01:00'],
  ])('%s: %s is %s', (zone, text, expected) => {
    expect(parseMoment(text, localClock(zone))).toBe(at(expected))
  })

  it.each(['2026-11-22T8:00', '22-11-2026', '2026-13-01', '2026-11-22T25:00'])('refuses %s', (text) => {
    expect(parseMoment(text, localClock('Australia/Adelaide'))).toBeNull()
  })

  it('a whole local day on a DST night is 23 or 25 hours', () => {
    const args = (from: string, to: string, zone: string) => {
      const parsed = parseExportArgs(['--from', from, '--to', to, '--out', 'x.json'], localClock(zone))
      if (parsed.kind !== 'run') throw new Error(parsed.kind)
      return (parsed.args.to - parsed.args.from) / 3_600_000
    }
    expect(args('2026-03-29', '2026-03-30', 'Europe/Amsterdam')).toBe(23)
    expect(args('2026-11-01', '2026-11-02', 'America/St_Johns')).toBe(25)
    expect(args('2026-04-05', '2026-04-06', 'Australia/Adelaide')).toBe(25)
    expect(args('2026-11-22', '2026-11-23', 'Pacific/Kiritimati')).toBe(24)
  })
})
