import { orList, type AppLocale } from './locales'

/**
 * The formats a report can be exported in: the one list every side reads (the export service and
 * its CLI, the End shift view). Kept free of zod so the renderer can import it. The host's renderer
 * for each format is in electron/services/export/format-renderers.ts, keyed by the same ids.
 */
export interface ExportFormatInfo {
  /** The file name's extension, without the dot; also what the CLI reads from --out. */
  extension: string
  mime: string
  /** The renderer's i18n key for the format's name. */
  labelKey: string
  /** Place in the End shift view's list: PDF first, it is what a supervisor reads. */
  menuRank: number
}

export const EXPORT_FORMATS = {
  csv: { extension: 'csv', mime: 'text/csv', labelKey: 'endShift.formatNames.csv', menuRank: 2 },
  json: { extension: 'json', mime: 'application/json', labelKey: 'endShift.formatNames.json', menuRank: 4 },
  md: { extension: 'md', mime: 'text/markdown', labelKey: 'endShift.formatNames.md', menuRank: 3 },
  pdf: { extension: 'pdf', mime: 'application/pdf', labelKey: 'endShift.formatNames.pdf', menuRank: 1 },
} as const satisfies Record<string, ExportFormatInfo>

export type ExportFormat = keyof typeof EXPORT_FORMATS

/** The format ids, in the registry's order (for zod enums and usage texts). */
export const exportFormats = Object.keys(EXPORT_FORMATS) as unknown as readonly [ExportFormat, ...ExportFormat[]]

/** The formats in the order the End shift view lists them. */
export const menuFormats: readonly ExportFormat[] = [...exportFormats].sort(
  (a, b) => EXPORT_FORMATS[a].menuRank - EXPORT_FORMATS[b].menuRank,
)

/** The format a file name's extension stands for ("report.PDF" → pdf), if any. */
export function formatForExtension(extension: string): ExportFormat | undefined {
  const wanted = extension.replace(/^\./, '').toLowerCase()
  return exportFormats.find((format) => EXPORT_FORMATS[format].extension === wanted)
}

/** "csv, json, md or pdf" ("… of pdf", "… ili pdf"): the formats in a sentence of a CLI message. */
export function formatList(locale: AppLocale = 'en'): string {
  return orList(exportFormats, locale)
}
