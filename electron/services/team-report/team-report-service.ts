import path from 'node:path'
import type { ExportFormat } from '../../../shared/export-formats'
import { EXPORT_FORMATS } from '../../../shared/export-formats'
import type { AppLocale } from '../../../shared/locales'
import { AppError } from '../../../shared/result'
import type { TeamReportPreview, TeamReportWriteRequest } from '../../../shared/team-report'
import { fontsIn } from '../export/pdf-style'
import { writeFileSafely } from '../export/safe-write'
import { localClock } from '../time/local-clock'
import { aggregateTeam, type TeamReport } from './aggregate'
import { readTeamFolder } from './read-folder'
import { renderTeamReport } from './team-renderers'

export interface TeamReportRequest {
  folder: string
  from: number
  to: number
}

/** Reads the team folder and aggregates the shifts that start in [from, to). */
export function buildTeamReport(request: TeamReportRequest, now: number): TeamReport {
  if (!path.isAbsolute(request.folder))
    throw new AppError('invalid-request', 'Choose the team folder by its full path.')
  return aggregateTeam(readTeamFolder(request.folder, request), {
    from: request.from,
    to: request.to,
    generatedAt: now,
  })
}

/** `calmdeck-team-report-2026-01-01-to-2026-12-31.pdf` */
export function teamReportFileName(report: TeamReport, format: ExportFormat, timeZone: string): string {
  const clock = localClock(timeZone)
  return `calmdeck-team-report-${clock.date(report.from)}-to-${clock.date(report.to - 1)}.${EXPORT_FORMATS[format].extension}`
}

export interface TeamReportWrite {
  format: ExportFormat
  /** A file, or an existing folder to put the report in under its period's name. */
  target: string
  targetIsFolder: boolean
  language: AppLocale
  timeZone: string
  fontDir: string
  force?: boolean
}

/** Renders the report and writes it safely (never replacing a file without `force`). */
export async function writeTeamReport(report: TeamReport, options: TeamReportWrite): Promise<string> {
  const target = options.targetIsFolder
    ? path.join(options.target, teamReportFileName(report, options.format, options.timeZone))
    : options.target
  const data = await renderTeamReport(report, options.format, {
    language: options.language,
    timeZone: options.timeZone,
    fonts: fontsIn(options.fontDir),
  })
  writeFileSafely(target, data, { force: options.force })
  return target
}

export interface TeamReportServiceDeps {
  now: () => number
  fontDir: string
  timeZone: string
  /** The report's language when the window sends none. */
  language: () => AppLocale
}

/** The "Team report…" panel's host side: a preview per week, and the report written to a folder. */
export class TeamReportService {
  constructor(private readonly deps: TeamReportServiceDeps) {}

  preview(request: TeamReportRequest): TeamReportPreview {
    const { days: _days, generatedAt: _generatedAt, ...preview } = buildTeamReport(request, this.deps.now())
    return preview
  }

  async write(request: TeamReportWriteRequest): Promise<{ path: string }> {
    if (!path.isAbsolute(request.out)) throw new AppError('invalid-request', 'Choose a folder by its full path.')
    const report = buildTeamReport(request, this.deps.now())
    const written = await writeTeamReport(report, {
      format: request.format,
      target: request.out,
      targetIsFolder: true,
      language: request.language ?? this.deps.language(),
      timeZone: this.deps.timeZone,
      fontDir: this.deps.fontDir,
      force: request.force,
    })
    return { path: written }
  }
}
