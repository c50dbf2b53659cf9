import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  aggregateTeam,
  isoWeekOf,
  type TeamCell,
  type TeamPeriod,
} from '../../../electron/services/team-report/aggregate'
import { teamFigureKeys, type TeamFigures, type TeamShift } from '../../../electron/services/team-report/team-figures'
import { periodRows, teamTexts } from '../../../electron/services/team-report/team-view'

/** Two ISO weeks and a bit: 2026-01-01 (Thu, W01) … 2026-01-14 (Wed, W03). */
const DATES = Array.from({ length: 14 }, (_, i) => `2026-01-${String(i + 1).padStart(2, '0')}`)

const figuresArb = fc.record(
  Object.fromEntries(teamFigureKeys.map((key) => [key, fc.integer({ min: 0, max: 6 })])) as Record<
    keyof TeamFigures,
    fc.Arbitrary<number>
  >,
)

/**
 * A random team folder: per day 0–9 of 9 agents (so weeks often reach 5 others while days do
 * not), some named (an agent may opt in for some files only), small figures.
 */
const folderArb = fc
  .array(
    fc.array(fc.record({ agent: fc.integer({ min: 0, max: 8 }), named: fc.boolean(), figures: figuresArb }), {
      maxLength: 9,
    }),
    { minLength: DATES.length, maxLength: DATES.length },
  )
  .map((perDay) => {
    const shifts: TeamShift[] = []
    perDay.forEach((items, day) => {
      const seen = new Set<number>()
      for (const item of items) {
        if (seen.has(item.agent)) continue
        seen.add(item.agent)
        shifts.push({
          agentId: `agent-${item.agent}`,
          name: item.named && item.agent < 3 ? `Agent ${item.agent}` : null,
          from: day,
          to: day + 1,
          date: DATES[day] ?? '',
          generatedAt: 1,
          figures: item.figures,
        })
      }
    })
    return shifts
  })

type Row = string // 'named:<name>' | 'others' | 'total'

/** The true value of every row of every period, straight from the shifts (hidden or not). */
function truth(shifts: readonly TeamShift[], periodOf: (s: TeamShift) => string, key: keyof TeamFigures) {
  const values = new Map<string, number>()
  const add = (period: string, row: Row, value: number) =>
    values.set(`${period}|${row}`, (values.get(`${period}|${row}`) ?? 0) + value)
  for (const shift of shifts) {
    const period = periodOf(shift)
    add(period, shift.name === null ? 'others' : `named:${shift.name}`, shift.figures[key])
    add(period, 'total', shift.figures[key])
  }
  return (period: string, row: Row) => values.get(`${period}|${row}`) ?? 0
}

/** A report cell: its shown value, hidden, or absent (a row not in the report reads as a known 0). */
function cellOf(period: TeamPeriod | undefined, row: Row): TeamCell | null {
  if (!period) return null
  if (row === 'total') return period.total
  if (row === 'others') return period.others
  return period.named.find((named) => `named:${named.name}` === row)?.cell ?? null
}

interface Term {
  hidden: boolean
  value: number
}

/**
 * Every sum a reader can form: per period, total = named + others; per week and row,
 * week = Σ its days. Returns the hidden terms that equal (shown side − the other shown terms).
 */
function leaks(shifts: readonly TeamShift[], days: TeamPeriod[], weeks: TeamPeriod[]): string[] {
  const found: string[] = []
  for (const key of teamFigureKeys) {
    const dayTruth = truth(shifts, (s) => s.date, key)
    const weekTruth = truth(shifts, (s) => isoWeekOf(s.date), key)
    const term = (period: TeamPeriod | undefined, row: Row, value: number): Term => {
      const cell = cellOf(period, row)
      if (cell === null) return { hidden: false, value: 0 }
      return { hidden: cell.kind !== 'figures', value: cell.kind === 'figures' ? cell.figures[key] : value }
    }
    /** `whole = Σ parts`: with exactly one hidden term, it is recoverable. */
    const check = (label: string, whole: Term, parts: Term[]) => {
      const terms = [whole, ...parts]
      const hidden = terms.filter((t) => t.hidden)
      if (hidden.length !== 1) return
      const derived = whole.hidden
        ? parts.reduce((sum, t) => sum + t.value, 0)
        : whole.value - parts.filter((t) => !t.hidden).reduce((sum, t) => sum + t.value, 0)
      if (Math.abs(derived - (hidden[0]?.value ?? NaN)) < 1e-9) found.push(`${label} ${key}`)
    }
    for (const [periods, valueOf] of [
      [days, dayTruth],
      [weeks, weekTruth],
    ] as const) {
      for (const period of periods) {
        const rows = [...period.named.map((n) => `named:${n.name}`), 'others']
        check(
          `${period.period} rows`,
          term(period, 'total', valueOf(period.period, 'total')),
          rows.map((row) => term(period, row, valueOf(period.period, row))),
        )
      }
    }
    for (const week of weeks) {
      const inWeek = days.filter((day) => isoWeekOf(day.period) === week.period)
      const rows = new Set<Row>(['total', 'others', ...week.named.map((n) => `named:${n.name}`)])
      for (const row of rows) {
        check(
          `${week.period} ${row} over days`,
          term(week, row, weekTruth(week.period, row)),
          inWeek.map((day) => term(day, row, dayTruth(day.period, row))),
        )
      }
    }
  }
  return found
}

const report = (shifts: TeamShift[]) =>
  aggregateTeam({ shifts, skipped: [], files: shifts.length }, { from: 0, to: 1, generatedAt: 1 })

describe('complementary suppression', () => {
  it('leaves no hidden figure equal to a shown total minus the other shown parts', () => {
    fc.assert(
      fc.property(folderArb, (shifts) => {
        const { days, weeks } = report(shifts)
        expect(leaks(shifts, days, weeks)).toEqual([])
      }),
      { numRuns: 400 },
    )
  })

  it('withholds a second day of the week, not the week, when one day is hidden', () => {
    const figures = Object.fromEntries(teamFigureKeys.map((key) => [key, 2])) as TeamFigures
    const shift = (agent: number, date: string, name: string | null = null): TeamShift => ({
      agentId: `agent-${agent}`,
      name,
      from: 0,
      to: 1,
      date,
      generatedAt: 1,
      figures,
    })
    // W02: Monday and Tuesday with 6 others, Saturday with 2 others and Ana.
    const shifts = [
      ...[0, 1, 2, 3, 4, 5].map((a) => shift(a, '2026-01-05')),
      ...[0, 1, 2, 3, 4, 5, 6].map((a) => shift(a, '2026-01-06')),
      shift(7, '2026-01-10', 'Ana'),
      shift(1, '2026-01-10'),
      shift(2, '2026-01-10'),
    ]
    const { days, weeks } = report(shifts)
    const byDate = new Map(days.map((day) => [day.period, day]))
    expect(byDate.get('2026-01-10')?.others).toEqual({ kind: 'fewer-than-5' })
    expect(byDate.get('2026-01-10')?.named[0]?.cell.kind).toBe('figures')
    // The smaller of the two shown days is the complement; the week keeps its figures.
    expect(byDate.get('2026-01-05')?.others).toEqual({ kind: 'withheld' })
    expect(byDate.get('2026-01-05')?.total).toEqual({ kind: 'withheld' })
    expect(byDate.get('2026-01-06')?.total.kind).toBe('figures')
    expect(weeks[0]?.total).toMatchObject({ kind: 'figures', agents: 8 })
    expect(leaks(shifts, days, weeks)).toEqual([])
  })

  it('needs no complement when the minimum rule already hides the week with its day', () => {
    const figures = Object.fromEntries(teamFigureKeys.map((key) => [key, 1])) as TeamFigures
    const shift = (agent: number, date: string, name: string | null): TeamShift => ({
      agentId: `agent-${agent}`,
      name,
      from: 0,
      to: 1,
      date,
      generatedAt: 1,
      figures,
    })
    // Monday: only Ana (named). Tuesday: Ana and one other agent.
    const shifts = [shift(7, '2026-01-05', 'Ana'), shift(7, '2026-01-06', 'Ana'), shift(1, '2026-01-06', null)]
    const { days, weeks } = report(shifts)
    expect(days.map((day) => day.total.kind)).toEqual(['figures', 'fewer-than-5'])
    expect(weeks[0]?.total).toEqual({ kind: 'fewer-than-5' })
    expect(leaks(shifts, days, weeks)).toEqual([])
  })
})

describe('withheld cells in the report', () => {
  it('read "withheld" (not "fewer than 5") in every language, with no figure', () => {
    const period: TeamPeriod = {
      period: '2026-01-05',
      named: [],
      others: { kind: 'withheld' },
      total: { kind: 'fewer-than-5' },
    }
    for (const language of ['en', 'nl', 'hr'] as const) {
      const t = teamTexts(language)
      const [others, total] = periodRows(period, t)
      expect(others?.hidden).toBe(true)
      expect(new Set(others?.values)).toEqual(new Set([t.withheld]))
      expect(new Set(total?.values)).toEqual(new Set([t.fewerThan5]))
      expect(t.withheld).not.toBe(t.fewerThan5)
    }
  })
})
