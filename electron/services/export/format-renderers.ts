import type { ExportReport } from '../../../shared/export'
import type { EventKind } from '../../../shared/event-kinds'
import type { ExportFormat } from '../../../shared/export-formats'
import { fontsIn } from './pdf-style'
import { renderJson } from './render-json'
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

/** Renders a report in one format. */
export function renderReport(
  report: ExportReport,
  format: ExportFormat,
  options: RenderOptions,
): Promise<string | Buffer> {
  return FORMAT_RENDERERS[format](report, options)
}
