import type { TeamCell, TeamPeriod } from '../../../shared/team-figures'

/**
 * Complementary suppression: the second half of the privacy rule (groupCell is the first).
 *
 * What a reader can add up: per period, total = named rows + others; per ISO week, every row is
 * the sum of the same row over the week's days. Named rows are always shown, so in each period
 * "others" and "total" are hidden together (a hidden total beside shown others, or the reverse,
 * would give itself away), and the only relation left with unknowns is, per week and per row,
 * week = Σ days. A figure is recoverable exactly when one period of that relation is hidden, so:
 * when a week has exactly one hidden period, hide one more. Preferred is another day of the week
 * that has an "others" row (fewest other agents first, then the earliest), so the weekly totals
 * (and the PDF's trend) stay; a day without others cannot serve (its total = its named rows),
 * so with none left the week itself is hidden. Every period sits in exactly one week, so one pass
 * settles every relation. Complements read "withheld", not "fewer than 5": that would be untrue.
 */
export function suppressComplements(
  days: readonly TeamPeriod[],
  weeks: readonly TeamPeriod[],
  weekOf: (day: string) => string,
): { days: TeamPeriod[]; weeks: TeamPeriod[] } {
  const outDays = days.map(copyPeriod)
  const outWeeks = weeks.map(copyPeriod)
  for (const week of outWeeks) {
    const inWeek = outDays.filter((day) => weekOf(day.period) === week.period)
    const hidden = [week, ...inWeek].filter(isHidden).length
    if (hidden !== 1) continue
    const candidates = inWeek
      .filter((day) => !isHidden(day) && day.others !== null)
      .sort((a, b) => agentsOf(a.others) - agentsOf(b.others) || a.period.localeCompare(b.period))
    withhold(candidates[0] ?? week)
  }
  return { days: outDays, weeks: outWeeks }
}

/** A period's others and total are shown or hidden together (see above). */
export function isHidden(period: TeamPeriod): boolean {
  return period.total.kind !== 'figures' || (period.others !== null && period.others.kind !== 'figures')
}

function withhold(period: TeamPeriod): void {
  if (period.total.kind === 'figures') period.total = { kind: 'withheld' }
  if (period.others && period.others.kind === 'figures') period.others = { kind: 'withheld' }
}

function agentsOf(cell: TeamCell | null): number {
  return cell && cell.kind === 'figures' ? cell.agents : 0
}

function copyPeriod(period: TeamPeriod): TeamPeriod {
  return { ...period, named: [...period.named] }
}
