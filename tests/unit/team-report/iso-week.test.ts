import { getISOWeek, getISOWeekYear } from 'date-fns'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoWeekOf } from '../../../electron/services/team-report/aggregate'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

describe('isoWeekOf', () => {
  it('agrees with date-fns on any date from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 11, 31) }), (ms) => {
        const d = new Date(ms)
        const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
        const local = new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 12)
        expect(isoWeekOf(date)).toBe(`${getISOWeekYear(local)}-W${pad(getISOWeek(local))}`)
      }),
      { numRuns: 5000 },
    )
  })

  it('puts the days around New Year in the right week year', () => {
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01') // a Thursday
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53') // a Friday: 2026 has 53 weeks
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01') // a Monday
    expect(isoWeekOf('2026-11-22')).toBe('2026-W47')
  })
})
