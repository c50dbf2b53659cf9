import { z } from 'zod'
import { exportReportSchema, type ExportReport } from '../../../shared/export'
import type { ExportFormat } from '../../../shared/export-formats'
import { AppError, errorCodes, type AppErrorData } from '../../../shared/result'
import { buildReport, streamReport, type ReportOptions, type ReportStream } from './build-report'
import { renderReportData } from './format-renderers'
import { openReadOnly } from './read-only-db'
import { writeFileSafely } from './safe-write'

/**
 * One export run's files: made from a read-only connection of its own to the data folder's
 * database, so it can run in a worker thread (export-worker.ts) whose memory is gone when it ends.
 * Plain data only: it crosses to the worker as a structured clone.
 */
export interface ExportJob {
  dataDir: string
  nativeBinding?: string
  report: ReportOptions
  /** Written in this order, each safely (safe-write.ts). */
  targets: { format: ExportFormat; path: string }[]
  force: boolean
  /** Folder with the PDF fonts (resources/fonts). */
  fontDir: string
}

/** What the host needs of the report once the files are written (the shift summary card). */
export type WrittenReport = Pick<ExportReport, 'range' | 'summary'>

export type ExportJobResult =
  | ({ ok: true; written: string[] } & WrittenReport)
  /**
   * `error`: a refusal whose message is safe to show (an AppError: a file exists, no folder…).
   * `failure`: anything else, as SQLite's or the file system's code or the error's name, never
   * its message (it may echo user data). `written`: files already in place when it stopped.
   */
  | { ok: false; written: string[]; error?: AppErrorData; failure?: string }

const appErrorDataSchema = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
})

/** What a worker may answer; anything else counts as a failure of the worker. */
export const exportJobResultSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    written: z.array(z.string()),
    range: exportReportSchema.shape.range,
    summary: exportReportSchema.shape.summary,
  }),
  z.strictObject({
    ok: z.literal(false),
    written: z.array(z.string()),
    error: appErrorDataSchema.optional(),
    failure: z.string().optional(),
  }),
])

/**
 * Writes the report's files one format at a time: CSV and JSON in pieces as the rows are read from
 * the database (never the year in memory, nor the whole document as one string), the others from
 * the report built whole. Never throws: every problem comes back as a result.
 */
export async function runExportJob(job: ExportJob): Promise<ExportJobResult> {
  const written: string[] = []
  try {
    const db = openReadOnly(job.dataDir, job.nativeBinding)
    try {
      // SQLite's own default page cache (2 MB), not better-sqlite3's 16 MB: the report reads each page
      // about once, and the cache is malloc'd in this thread, whose arena glibc keeps after it ends.
      db.pragma('cache_size = -2000')
      // One read transaction: every format, and the summary's own pass, see the same snapshot while
      // the app keeps writing. Closing the connection ends it.
      db.exec('BEGIN')
      let streamed: ReportStream | null = null
      let whole: ExportReport | null = null
      const report = {
        streamed: () => (streamed ??= streamReport(db, job.report)),
        whole: () => (whole ??= buildReport(db, job.report)),
      }
      const options = { fontDir: job.fontDir, eventKinds: job.report.eventKinds }
      for (const target of job.targets) {
        writeFileSafely(target.path, await renderReportData(report, target.format, options), { force: job.force })
        written.push(target.path)
      }
      const made = streamed ?? report.whole()
      return { ok: true, written, range: made.range, summary: made.summary }
    } finally {
      db.close()
    }
  } catch (error) {
    if (error instanceof AppError) return { ok: false, written, error: error.toData() }
    return { ok: false, written, failure: failureCode(error) }
  }
}

/** SQLite's or the file system's error code, else the error's name: never its message. */
export function failureCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown'
}

/** An export that failed for no reason the user can act on; the dispatcher logs it by name and code. */
export class ExportJobError extends Error {
  constructor(readonly code: string) {
    super('The export could not be finished.')
    this.name = 'ExportJobError'
  }
}

/** The result's problem as what the export service throws: the refusal itself, or an ExportJobError. */
export function jobError(result: Extract<ExportJobResult, { ok: false }>): Error {
  if (result.error) return new AppError(result.error.code, result.error.message, result.error.issues)
  return new ExportJobError(result.failure ?? 'unknown')
}
