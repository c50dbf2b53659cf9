import type { ExportReport } from '../../../shared/export'
import type { EventKind } from '../../../shared/event-kinds'
import type { ExportFormat } from '../../../shared/export-formats'
import type { ReportStream } from './build-report'
import { fontsIn } from './pdf-style'
import { renderJson, renderJsonChunks } from './render-json'
import { renderMarkdown } from './render-markdown'

export interface RenderOptions {
  /** Folder with the PDF fonts (resources/fonts). */
  fontDir: string
  /** The kinds the report was built with: the PDF highlights and marks incidents by their flags. */
  eventKinds: readonly EventKind[]
}

/** Text for CSV, JSON and Markdown, bytes for PDF. */
export type FormatRenderer = (report: ExportReport, options: RenderOptions) => Promise<string | Buffer>

/**
 * The same text as the format's renderer, in pieces, for writing a large document as it is made,
 * from a report whose lists may be streamed from the database (build-report.ts `streamReport`).
 */
export type PieceRenderer = (report: ReportStream) => Promise<Iterable<string>>

/**
 * The host's half of the format registry (shared/export-formats.ts has the other): how each
 * format is made. Keyed by every format id, so a new format does not build without its renderer.
 * The CSV and PDF libraries load on first use, so they cost the app's start nothing.
 */
export const FORMAT_RENDERERS: Readonly<Record<ExportFormat, FormatRenderer>> = {
  csv: async (report) => (await import('./render-csv')).renderCsv(report),
  json: async (report) => renderJson(report),
  md: async (report) => renderMarkdown(report),
  pdf: async (report, { fontDir, eventKinds }) =>
    (await import('./render-pdf')).renderPdf(report, fontsIn(fontDir), eventKinds),
}

/**
 * Formats whose files can grow to hundreds of MB for a year (one line or element per event), and
 * so are written in pieces (export-job.ts); the others are written whole.
 */
export const FORMAT_PIECES: Readonly<Partial<Record<ExportFormat, PieceRenderer>>> = {
  csv: async (report) => (await import('./render-csv')).renderCsvChunks(report),
  json: async (report) => renderJsonChunks(report),
}

/** Renders a report in one format. */
export function renderReport(
  report: ExportReport,
  format: ExportFormat,
  options: RenderOptions,
): Promise<string | Buffer> {
  return FORMAT_RENDERERS[format](report, options)
}

/**
 * Renders a report for writing to a file: in pieces from the streamed report where the format has
 * them, else whole from the built one. Each report is asked for only when a format needs it.
 */
export function renderReportData(
  report: { streamed: () => ReportStream; whole: () => ExportReport },
  format: ExportFormat,
  options: RenderOptions,
): Promise<string | Buffer | Iterable<string>> {
  const pieces = FORMAT_PIECES[format]
  return pieces ? pieces(report.streamed()) : renderReport(report.whole(), format, options)
}
