import { hostTexts, type HostTexts } from '../../../shared/i18n/host-catalog'
import type { AppLocale } from '../../../shared/locales'
import type { TeamCell, TeamPeriod } from './aggregate'
import { teamFigureKeys, type TeamFigureKey } from './team-figures'

export type TeamTexts = HostTexts['teamReport']

export function teamTexts(language: AppLocale): TeamTexts {
  return hostTexts[language].teamReport
}

/** One line of a period's table: the group's name and its figures as text (or "fewer than 5"). */
export interface TeamRow {
  group: string
  kind: 'named' | 'others' | 'total'
  /** A group under the minimum size or withheld: every value is the same text ("fewer than 5"…). */
  hidden: boolean
  values: string[]
}

export function figureText(key: TeamFigureKey, value: number): string {
  return key === 'recoveryMinutes' ? String(Math.round(value * 10) / 10) : String(value)
}

/** What a hidden cell reads instead of its figures. */
export function hiddenText(cell: TeamCell, t: TeamTexts): string {
  return cell.kind === 'withheld' ? t.withheld : t.fewerThan5
}

export function cellValues(cell: TeamCell, t: TeamTexts): string[] {
  return teamFigureKeys.map((key) =>
    cell.kind === 'figures' ? figureText(key, cell.figures[key]) : hiddenText(cell, t),
  )
}

/** A period's rows in every format's order: named agents A–Z, the others, the team. */
export function periodRows(period: TeamPeriod, t: TeamTexts): TeamRow[] {
  const row = (group: string, kind: TeamRow['kind'], cell: TeamCell): TeamRow => ({
    group,
    kind,
    hidden: cell.kind !== 'figures',
    values: cellValues(cell, t),
  })
  return [
    ...period.named.map((named) => row(named.name, 'named', named.cell)),
    ...(period.others ? [row(t.others, 'others', period.others)] : []),
    row(t.total, 'total', period.total),
  ]
}

export function figureLabels(t: TeamTexts): string[] {
  return teamFigureKeys.map((key) => t.figures[key])
}
