import type { ExportFormat } from '../../../shared/export-formats'
import type { AppLocale } from '../../../shared/locales'
import type { TeamReport } from './aggregate'
import type { PdfFonts } from '../export/pdf-style'
import { localClock } from '../time/local-clock'
import { figureLabels, periodRows, teamTexts, type TeamTexts } from './team-view'

export interface TeamRenderOptions {
  language: AppLocale
  timeZone: string
  fonts: PdfFonts
}

export type TeamRenderer = (report: TeamReport, options: TeamRenderOptions) => Promise<string | Buffer>

/**
 * How a team report is made in each export format: keyed by the same registry ids as the shift
 * report's renderers (shared/export-formats.ts), so a new format does not build without one here.
 * The PDF library loads on first use.
 */
export const TEAM_RENDERERS: Readonly<Record<ExportFormat, TeamRenderer>> = {
  csv: async (report, { language }) => renderTeamCsv(report, teamTexts(language)),
  json: async (report) =>
    `${JSON.stringify({ format: 'calmdeck.team-report', schemaVersion: 1, ...report }, null, 2)}\n`,
  md: async (report, options) => renderTeamMarkdown(report, teamTexts(options.language), options.timeZone),
  pdf: async (report, options) => (await import('./team-pdf')).renderTeamPdf(report, options),
}

export function renderTeamReport(
  report: TeamReport,
  format: ExportFormat,
  options: TeamRenderOptions,
): Promise<string | Buffer> {
  return TEAM_RENDERERS[format](report, options)
}

/** `2026-01-01 – 2026-12-31` (the last day shown is the one before `to`). */
export function teamPeriodText(report: TeamReport, timeZone: string): string {
  const clock = localClock(timeZone)
  return `${clock.date(report.from)} – ${clock.date(report.to - 1)}`
}

function csvField(value: string): string {
  return /[",\n\r;]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

/** One line per period and group: `period,day|week,group,<figures…>`. */
function renderTeamCsv(report: TeamReport, t: TeamTexts): string {
  const lines = [[t.period, t.day + '/' + t.week, t.group, ...figureLabels(t)]]
  for (const [label, periods] of [
    [t.week, report.weeks],
    [t.day, report.days],
  ] as const) {
    for (const period of periods) {
      for (const row of periodRows(period, t)) lines.push([period.period, label, row.group, ...row.values])
    }
  }
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n'
}

function mdCell(value: string): string {
  return value.replace(/\|/g, '\\|').replace(/\s+/g, ' ')
}

function renderTeamMarkdown(report: TeamReport, t: TeamTexts, timeZone: string): string {
  const clock = localClock(timeZone)
  const out = [
    `# ${t.title}`,
    '',
    `- ${t.period}: ${teamPeriodText(report, timeZone)}`,
    `- ${t.generated}: ${clock.dateTime(report.generatedAt)}`,
    `- ${t.shifts}: ${report.shifts} · ${t.agents}: ${report.agents} · ${t.filesRead}: ${report.files}`,
    '',
    `> ${t.privacy}`,
    '',
  ]
  if (report.shifts === 0) out.push(t.noShifts, '')
  const header = `| ${t.period} | ${t.group} | ${figureLabels(t).map(mdCell).join(' | ')} |`
  const rule = `|---|---|${figureLabels(t)
    .map(() => '---:')
    .join('|')}|`
  for (const [title, periods] of [
    [t.perWeek, report.weeks],
    [t.perDay, report.days],
  ] as const) {
    if (periods.length === 0) continue
    out.push(`## ${title}`, '', header, rule)
    for (const period of periods) {
      for (const row of periodRows(period, t)) {
        out.push(`| ${period.period} | ${mdCell(row.group)} | ${row.values.map(mdCell).join(' | ')} |`)
      }
    }
    out.push('')
  }
  if (report.skipped.length > 0) {
    out.push(`## ${t.skipped}`, '', `| ${t.file} | ${t.reason} |`, '|---|---|')
    for (const item of report.skipped) out.push(`| ${mdCell(item.file)} | ${t.reasons[item.reason]} |`)
    out.push('')
  }
  return out.join('\n')
}
