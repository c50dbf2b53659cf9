import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { aggregateTeam, groupCell, isoWeekOf, type TeamCell } from '../../../electron/services/team-report/aggregate'
import { readTeamFolder } from '../../../electron/services/team-report/read-folder'
import { teamFigureKeys, type TeamFigures, type TeamShift } from '../../../electron/services/team-report/team-figures'
import { writeTeamFolder, type GeneratedShift } from '../../helpers/team-folder'
import { tempDir } from '../../helpers/temp-dir'

let dir: ReturnType<typeof tempDir>
let generated: GeneratedShift[]
const FROM = Date.parse('2025-12-31T23:00:00Z')
const TO = Date.parse('2026-12-31T23:00:00Z')
const SATURDAY_AGENTS = [0, 7, 8, 9]
let duplicateOf: GeneratedShift

beforeAll(() => {
  dir = tempDir('calmdeck-team-report-')
  generated = writeTeamFolder(dir.dir, {
    agents: 50,
    firstDay: '2026-01-01',
    days: 365,
    named: 3,
    saturdayAgents: SATURDAY_AGENTS,
  })
  const files = fs.readdirSync(dir.dir).sort()
  // A damaged file (cut off mid-write by hand), a foreign JSON, a personal export without the team block.
  const sample = fs.readFileSync(path.join(dir.dir, files[100] ?? ''), 'utf8')
  fs.writeFileSync(path.join(dir.dir, 'damaged.json'), sample.slice(0, sample.length / 2))
  fs.writeFileSync(path.join(dir.dir, 'package.json'), JSON.stringify({ name: 'not-a-report' }))
  const personal = JSON.parse(sample) as Record<string, unknown>
  delete personal.team
  fs.writeFileSync(path.join(dir.dir, 'my-own-export.json'), JSON.stringify(personal))
  // The same shift again, written later with one more hard call: it replaces the first copy.
  const first = files[200] ?? ''
  const copy = JSON.parse(fs.readFileSync(path.join(dir.dir, first), 'utf8')) as {
    generatedAt: { ms: number }
    summary: { hardCalls: number }
    team: { agent: { id: string } }
    range: { from: { local: string } }
  }
  copy.generatedAt.ms += 60_000
  copy.summary.hardCalls += 1
  fs.writeFileSync(path.join(dir.dir, first.replace('.json', '-2.json')), JSON.stringify(copy))
  const found = generated.find(
    (shift) => shift.agentId === copy.team.agent.id && shift.date === copy.range.from.local.slice(0, 10),
  )
  if (!found) throw new Error('duplicate not found among generated shifts')
  found.hardCalls += 1
  duplicateOf = found
}, 120_000)
afterAll(() => dir.cleanup())

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item])
  return groups
}

/** The figures of generated shifts, summed directly (the expected side). */
function direct(shifts: readonly GeneratedShift[]): TeamFigures {
  const sum = (pick: (shift: GeneratedShift) => number) => shifts.reduce((total, shift) => total + pick(shift), 0)
  return {
    calls: sum((s) => s.calls),
    hardCalls: sum((s) => s.hardCalls),
    boundaryWarnings: sum((s) => s.boundaryWarnings),
    abuseEnds: sum((s) => s.abuseEnds),
    supervisorRequests: sum((s) => s.supervisorRequests),
    helpRequests: sum((s) => s.helpRequests),
    breaksOffered: sum((s) => s.breaksOffered),
    breaksTaken: sum((s) => s.breaksTaken),
    breaksDeclined: sum((s) => s.breaksDeclined),
    recoveryMinutes: sum((s) => s.recoveryMs) / 60_000,
    callerRaisedCalls: sum((s) => s.callerRaisedCalls),
  }
}

function expectedCell(shifts: readonly GeneratedShift[]): TeamCell {
  const anonymous = new Set(shifts.filter((s) => s.name === null).map((s) => s.agentId)).size
  if (anonymous >= 1 && anonymous <= 4) return { kind: 'fewer-than-5' }
  return { kind: 'figures', agents: new Set(shifts.map((s) => s.agentId)).size, figures: direct(shifts) }
}

/**
 * The expected cell, where a cell the minimum rule would show may instead be withheld as a
 * complement (suppress.ts; suppress.test.ts checks which and why): then it is withheld here too.
 */
function expectedOrWithheld(shifts: readonly GeneratedShift[], actual: TeamCell | null): TeamCell {
  const expected = expectedCell(shifts)
  return actual?.kind === 'withheld' && expected.kind === 'figures' ? actual : expected
}

function close(cell: TeamCell): TeamCell {
  if (cell.kind !== 'figures') return cell
  const figures = { ...cell.figures, recoveryMinutes: Math.round(cell.figures.recoveryMinutes * 1000) / 1000 }
  return { ...cell, figures }
}

describe('team report over a year of 50 agents', () => {
  it('lists the damaged, foreign and personal files and the duplicate, and counts the rest once', () => {
    const read = readTeamFolder(dir.dir, { from: FROM, to: TO })
    expect(read.skipped).toEqual(
      expect.arrayContaining([
        { file: 'damaged.json', reason: 'not-json' },
        { file: 'package.json', reason: 'not-a-report' },
        { file: 'my-own-export.json', reason: 'not-for-the-team' },
      ]),
    )
    const duplicates = read.skipped.filter((item) => item.reason === 'duplicate')
    expect(duplicates).toHaveLength(1)
    expect(duplicates[0]?.file).not.toMatch(/-2\.json$/)
    expect(read.skipped).toHaveLength(4)
    expect(read.shifts).toHaveLength(generated.length)
    expect(generated.length).toBeGreaterThan(50 * 250)
    const counted = read.shifts.find((s) => s.agentId === duplicateOf.agentId && s.date === duplicateOf.date)
    expect(counted?.figures.hardCalls).toBe(duplicateOf.hardCalls)
  })

  it('gives per day and per week exactly the direct computation, with groups under 5 hidden', () => {
    const report = aggregateTeam(readTeamFolder(dir.dir, { from: FROM, to: TO }), {
      from: FROM,
      to: TO,
      generatedAt: TO,
    })
    expect(report.agents).toBe(50)
    for (const [periods, keyOf] of [
      [report.days, (s: GeneratedShift) => s.date],
      [report.weeks, (s: GeneratedShift) => isoWeekOf(s.date)],
    ] as const) {
      const groups = groupBy(generated, keyOf)
      expect(periods.map((p) => p.period)).toEqual([...groups.keys()].sort())
      for (const period of periods) {
        const shifts = groups.get(period.period) ?? []
        expect(close(period.total)).toEqual(close(expectedOrWithheld(shifts, period.total)))
        const anonymous = shifts.filter((s) => s.name === null)
        expect(period.others && close(period.others)).toEqual(
          anonymous.length ? close(expectedOrWithheld(anonymous, period.others)) : null,
        )
        const named = groupBy(
          shifts.filter((s) => s.name !== null),
          (s) => s.name ?? '',
        )
        expect(period.named.map((row) => ({ name: row.name, cell: close(row.cell) }))).toEqual(
          [...named.keys()].sort().map((name) => ({ name, cell: close(expectedCell(named.get(name) ?? [])) })),
        )
      }
    }
    // Saturdays: one named agent and three others. The others and the total never show figures.
    const saturday = report.days.find((p) => new Date(`${p.period}T12:00:00Z`).getUTCDay() === 6)
    expect(saturday?.named.map((row) => row.name)).toEqual(['Agent 0'])
    expect(saturday?.named[0]?.cell.kind).toBe('figures')
    expect(saturday?.others).toEqual({ kind: 'fewer-than-5' })
    expect(saturday?.total).toEqual({ kind: 'fewer-than-5' })
    // Each week's hidden Saturday gets one complement (one weekday withheld), so every week shows.
    for (const week of report.weeks) {
      const days = report.days.filter((day) => isoWeekOf(day.period) === week.period)
      const hidden = days.filter((day) => day.total.kind === 'fewer-than-5').length
      expect(days.filter((day) => day.total.kind === 'withheld')).toHaveLength(hidden === 1 ? 1 : 0)
      expect(week.total.kind).toBe('figures')
    }
    expect(report.days.some((day) => day.total.kind === 'withheld')).toBe(true)
  })

  it('keeps only shifts that start in the range', () => {
    const june = readTeamFolder(dir.dir, {
      from: Date.parse('2026-06-01T00:00:00+02:00'),
      to: Date.parse('2026-07-01T00:00:00+02:00'),
    })
    expect(june.shifts.length).toBe(generated.filter((s) => s.date.startsWith('2026-06')).length)
  })
})

describe('groupCell (the minimum group rule)', () => {
  const shift = (agent: number, name: string | null): TeamShift => ({
    agentId: `agent-${agent}-xxxx`,
    name,
    from: 0,
    to: 1,
    date: '2026-01-05',
    generatedAt: 1,
    figures: Object.fromEntries(teamFigureKeys.map((key) => [key, 1])) as TeamFigures,
  })
  it('shows named agents alone, hides 1–4 anonymous agents, shows 5', () => {
    expect(groupCell([shift(1, 'Ana')]).kind).toBe('figures')
    for (const n of [1, 2, 3, 4]) {
      expect(groupCell(Array.from({ length: n }, (_, i) => shift(i, null)))).toEqual({ kind: 'fewer-than-5' })
    }
    // Two shifts of one agent are still one agent.
    expect(groupCell([shift(1, null), shift(1, null), shift(2, null), shift(3, null), shift(4, null)]).kind).toBe(
      'fewer-than-5',
    )
    const five = groupCell(Array.from({ length: 5 }, (_, i) => shift(i, null)))
    expect(five).toMatchObject({ kind: 'figures', agents: 5, figures: { calls: 5 } })
    expect(groupCell([shift(1, 'Ana'), shift(2, null)])).toEqual({ kind: 'fewer-than-5' })
  })
})
