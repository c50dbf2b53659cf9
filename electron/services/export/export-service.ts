import fs from 'node:fs'
import path from 'node:path'
import type { EventKind } from '../../../shared/event-kinds'
import type {
  ExportFormat,
  ExportPreview,
  ExportReport,
  ExportRunRequest,
  ExportRunResult,
} from '../../../shared/export'
import { EXPORT_FORMATS } from '../../../shared/export-formats'
import { resolveLocale, type AppLocale } from '../../../shared/locales'
import { AppError, type Issue } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import type { Db } from '../storage/database'
import { buildReport } from './build-report'
import { localClock, machineClock, type LocalClock } from '../time/local-clock'
import { jobError, runExportJob, type ExportJob, type ExportJobResult, type WrittenReport } from './export-job'
import { shiftRange } from './shift-range'

/** What the OS offers around exports (Electron); the web host has neither. */
export interface ExportShell {
  /** Lets the user pick a folder; null when cancelled. */
  chooseFolder(current: string | null): Promise<string | null>
  /** Shows a file in the system's file manager. */
  reveal(file: string): void
}

export interface ExportServiceDeps {
  db: Db
  /** The data folder: an export's files are made from a read-only connection of their own to it. */
  dataDir: string
  nativeBinding?: string
  /**
   * Makes an export's files (export-job.ts). The built hosts pass a worker thread (so a year's
   * report never stays in the host's memory); by default it runs in this thread.
   */
  runJob?: (job: ExportJob) => Promise<ExportJobResult>
  now: () => number
  settings: () => Settings
  eventKinds: () => readonly EventKind[]
  /** Folder with the PDF fonts (resources/fonts). */
  fontDir: string
  /** IANA zone for local times; the machine's by default. */
  timeZone?: string
  shell?: ExportShell | null
  /** Keeps the choices of a run that wrote its files, as the next run's defaults (in Settings). */
  rememberChoices?: (choices: ExportChoices) => void
  /** Choices IT's policy locks (e.g. masking forced on): a run that differs is refused, nothing written. */
  locked?: () => Partial<ExportChoices>
  /** The system's languages, best first, for the 'auto' language setting. */
  systemLocales?: () => readonly string[]
  /** A report was written (End shift): e.g. the team's summary card. Must not throw. */
  onWritten?: (report: WrittenReport) => void
  /**
   * After a run: writes the team folder's copy of this (always masked) report when Settings name a
   * team folder; returns the paths written (see team-report/team-folder.ts).
   */
  teamCopy?: (report: ExportReport, options: { fontDir: string; eventKinds: readonly EventKind[] }) => Promise<string[]>
}

/** What the End shift view offers again next time. */
export type ExportChoices = Pick<Settings, 'exportFolder' | 'exportFormats' | 'exportRedact'>

export interface ReportRequest {
  from: number
  to: number
  redact: boolean
  remark: string
  language: AppLocale
}

/** `calmdeck-report-2026-11-22-0800-1630`: the period in the file name, sortable. */
export function reportFileStem(from: number, to: number, clock: LocalClock): string {
  const stamp = (ms: number) => clock.time(ms).replace(':', '')
  const sameDay = clock.date(from) === clock.date(to - 1)
  const end = sameDay && stamp(to) === '0000' ? '2400' : stamp(to)
  return sameDay
    ? `calmdeck-report-${clock.date(from)}-${stamp(from)}-${end}`
    : `calmdeck-report-${clock.date(from)}-${stamp(from)}-to-${clock.date(to)}-${stamp(to)}`
}

/** The stem with the format's extension from the registry. */
export function reportFileName(from: number, to: number, format: ExportFormat, clock: LocalClock): string {
  return `${reportFileStem(from, to, clock)}.${EXPORT_FORMATS[format].extension}`
}

/** A run may repeat what the policy locks, not change it (the host refuses, not only the window). */
function assertAllowed(request: ExportRunRequest, folder: string, locked: Partial<ExportChoices>): void {
  const issues: Issue[] = []
  if (locked.exportRedact !== undefined && request.redact !== locked.exportRedact)
    issues.push({ path: 'redact', message: 'set by your organisation' })
  if (locked.exportFolder !== undefined && folder !== locked.exportFolder)
    issues.push({ path: 'folder', message: 'set by your organisation' })
  const formats = locked.exportFormats
  if (
    formats !== undefined &&
    (request.formats.length !== formats.length || request.formats.some((format) => !formats.includes(format)))
  )
    issues.push({ path: 'formats', message: 'set by your organisation' })
  if (issues.length > 0) throw new AppError('locked', 'This export choice is set by your organisation.', issues)
}

/** End-of-shift reports: the shift's summary, and files in the chosen formats, written safely. */
export class ExportService {
  private readonly clock: LocalClock
  /** Files this service wrote: the only ones it will reveal. */
  private readonly written = new Set<string>()

  constructor(private readonly deps: ExportServiceDeps) {
    this.clock = deps.timeZone === undefined ? machineClock() : localClock(deps.timeZone)
  }

  get timeZone(): string {
    return this.clock.timeZone
  }

  /** The current shift as Settings define it. */
  shift(): { from: number; to: number } {
    const first = this.deps.db.prepare<[number], { at: number | null }>(
      'SELECT min(started_at) AS at FROM calls WHERE started_at >= ?',
    )
    return shiftRange(this.deps.settings(), this.deps.now(), this.clock, (since) => first.get(since)?.at ?? null)
  }

  report(request: ReportRequest): ExportReport {
    return buildReport(this.deps.db, {
      ...request,
      now: this.deps.now(),
      timeZone: this.clock.timeZone,
      eventKinds: this.deps.eventKinds(),
    })
  }

  /** The report's language: the window's, else the setting, else English. */
  reportLanguage(language?: AppLocale): AppLocale {
    return language ?? resolveLocale(this.deps.settings().locale, this.deps.systemLocales?.() ?? [])
  }

  preview(range: { from: number; to: number } | undefined, language?: AppLocale): ExportPreview {
    const { from, to } = range ?? this.shift()
    const report = this.report({ from, to, redact: false, remark: '', language: this.reportLanguage(language) })
    return { from, to, timeZone: this.clock.timeZone, summary: report.summary }
  }

  /**
   * Writes one file per format into the folder, in the request's language (see reportLanguage).
   * Refuses the whole run if any file exists (without force). Once written, the folder, formats
   * and masking choice are remembered for the next run.
   */
  async run(request: ExportRunRequest): Promise<ExportRunResult> {
    const folder = request.folder.trim()
    if (!path.isAbsolute(folder)) throw new AppError('invalid-request', 'Choose a folder by its full path.')
    assertAllowed(request, folder, this.deps.locked?.() ?? {})
    const { from, to } = request.range
    const language = this.reportLanguage(request.language)
    const targets = request.formats.map((format) => ({
      format,
      path: path.join(folder, reportFileName(from, to, format, this.clock)),
    }))
    if (!request.force) {
      const taken = targets.filter((target) => fileExists(target.path)).map((target) => path.basename(target.path))
      if (taken.length > 0) {
        throw new AppError('conflict', `Already exported: ${taken.join(', ')}. Nothing was overwritten.`)
      }
    }
    const options = { fontDir: this.deps.fontDir, eventKinds: this.deps.eventKinds() }
    const job: ExportJob = {
      dataDir: this.deps.dataDir,
      ...(this.deps.nativeBinding ? { nativeBinding: this.deps.nativeBinding } : {}),
      report: {
        from,
        to,
        now: this.deps.now(),
        timeZone: this.clock.timeZone,
        language,
        eventKinds: options.eventKinds,
        redact: request.redact,
        remark: request.remark,
      },
      targets,
      force: !!request.force,
      fontDir: options.fontDir,
    }
    const result = await (this.deps.runJob ?? runExportJob)(job)
    for (const file of result.written) this.written.add(file)
    if (!result.ok) throw jobError(result)
    const files: ExportRunResult['files'] = targets
    this.deps.rememberChoices?.({ exportFolder: folder, exportFormats: request.formats, exportRedact: request.redact })
    this.deps.onWritten?.({ range: result.range, summary: result.summary })
    return { files, canReveal: !!this.deps.shell, ...(await this.writeTeamCopy(request, language, options)) }
  }

  /** The team folder's copy: masked whatever the run chose; its failure leaves the run's files be. */
  private async writeTeamCopy(
    request: ExportRunRequest,
    language: AppLocale,
    options: { fontDir: string; eventKinds: readonly EventKind[] },
  ): Promise<Pick<ExportRunResult, 'teamFiles' | 'teamError'>> {
    if (!this.deps.teamCopy || !this.deps.settings().teamFolder.trim()) return {}
    const { from, to } = request.range
    const report = this.report({ from, to, redact: true, remark: request.remark, language })
    try {
      return { teamFiles: await this.deps.teamCopy(report, options) }
    } catch (error) {
      return { teamError: error instanceof AppError ? error.message : 'The team folder copy could not be written.' }
    }
  }

  async chooseFolder(): Promise<{ supported: boolean; folder: string | null }> {
    if (!this.deps.shell) return { supported: false, folder: null }
    const current = this.deps.settings().exportFolder
    return { supported: true, folder: await this.deps.shell.chooseFolder(current || null) }
  }

  /** Shows a file this service wrote in the file manager; any other path is refused. */
  reveal(file: string): { revealed: boolean } {
    if (!this.written.has(file)) throw new AppError('not-found', 'CalmDeck did not export this file.')
    if (!this.deps.shell) return { revealed: false }
    this.deps.shell.reveal(file)
    return { revealed: true }
  }
}

function fileExists(file: string): boolean {
  try {
    fs.accessSync(file)
    return true
  } catch {
    return false
  }
}
