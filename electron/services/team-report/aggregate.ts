import type { TeamCell, TeamPeriod } from '../../../shared/team-figures'
import type { SkippedFile } from './read-folder'

export type { TeamCell, TeamPeriod } from '../../../shared/team-figures'
import { suppressComplements } from './suppress'
import { addFigures, zeroFigures, type TeamShift } from './team-figures'

/** Agents who did not opt in are shown only in groups of at least this many. */
export const MIN_GROUP_SIZE = 5

/**
 * The minimum group rule, the one place it lives. A group's figures are shown unless it holds
 * between 1 and MIN_GROUP_SIZE − 1 agents who did not opt in to their name (agents who did count
 * as shown already). So one named agent is shown, "others" with 3 agents is not, and neither is a
 * total that includes those 3 (else total − named rows would give their figures).
 */
export function groupCell(shifts: readonly TeamShift[]): TeamCell {
  const anonymous = new Set(shifts.filter((shift) => shift.name === null).map((shift) => shift.agentId)).size
  if (anonymous > 0 && anonymous < MIN_GROUP_SIZE) return { kind: 'fewer-than-5' }
  const figures = shifts.reduce((sum, shift) => addFigures(sum, shift.figures), zeroFigures())
  return { kind: 'figures', agents: new Set(shifts.map((shift) => shift.agentId)).size, figures }
}

export interface TeamReport {
  from: number
  to: number
  generatedAt: number
  shifts: number
  agents: number
  files: number
  days: TeamPeriod[]
  weeks: TeamPeriod[]
  skipped: SkippedFile[]
}

const DAY_MS = 86_400_000

/**
 * `2026-W47`: the ISO week of a local date `2026-11-22` (weeks start on Monday; week 1 holds the
 * year's first Thursday). Calendar arithmetic in UTC, so no time zone or date library is involved
 * (date-fns alone took ~50 ms of the web host's start).
 */
export function isoWeekOf(date: string): string {
  const [year, month, day] = date.split('-').map(Number)
  const utc = Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)
  const mondayBased = (new Date(utc).getUTCDay() + 6) % 7
  const thursday = new Date(utc + (3 - mondayBased) * DAY_MS)
  const weekYear = thursday.getUTCFullYear()
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * DAY_MS))
  return `${weekYear}-W${String(week).padStart(2, '0')}`
}

/**
 * Per day and per week, oldest first: named agents, the others, the total (see groupCell), with
 * complements withheld so no hidden group can be recovered by subtraction (see suppress.ts).
 */
export function aggregateTeam(
  read: { shifts: readonly TeamShift[]; skipped: SkippedFile[]; files: number },
  range: { from: number; to: number; generatedAt: number },
): TeamReport {
  const { days, weeks } = suppressComplements(
    periods(read.shifts, (shift) => shift.date),
    periods(read.shifts, (shift) => isoWeekOf(shift.date)),
    isoWeekOf,
  )
  return {
    ...range,
    shifts: read.shifts.length,
    agents: new Set(read.shifts.map((shift) => shift.agentId)).size,
    files: read.files,
    days,
    weeks,
    skipped: read.skipped,
  }
}

function periods(shifts: readonly TeamShift[], keyOf: (shift: TeamShift) => string): TeamPeriod[] {
  const groups = new Map<string, TeamShift[]>()
  for (const shift of shifts) {
    const key = keyOf(shift)
    const list = groups.get(key)
    if (list) list.push(shift)
    else groups.set(key, [shift])
  }
  return [...groups.keys()].sort().map((period) => periodRow(period, groups.get(period) ?? []))
}

function periodRow(period: string, shifts: readonly TeamShift[]): TeamPeriod {
  const byAgent = new Map<string, TeamShift[]>()
  const others: TeamShift[] = []
  for (const shift of shifts) {
    if (shift.name === null) {
      others.push(shift)
      continue
    }
    const list = byAgent.get(shift.agentId)
    if (list) list.push(shift)
    else byAgent.set(shift.agentId, [shift])
  }
  const named = [...byAgent.values()]
    .map((list) => ({
      name: [...list].sort((a, b) => b.generatedAt - a.generatedAt)[0]?.name ?? '',
      cell: groupCell(list),
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
  return { period, named, others: others.length > 0 ? groupCell(others) : null, total: groupCell(shifts) }
}
