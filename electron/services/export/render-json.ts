import { exportReportSchema, type ExportReport } from '../../../shared/export'

/** The whole report as JSON (see `exportReportSchema` in shared/export.ts), two-space indented. */
export function renderJson(report: ExportReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}

/**
 * The same text as `renderJson`, character for character, in pieces: each of the report's lists
 * one element at a time, so the whole document is never one string (a year is hundreds of MB).
 */
export function* renderJsonChunks(report: ExportReport): Generator<string> {
  let first = true
  for (const [key, value] of Object.entries(report)) {
    // JSON.stringify leaves out what JSON cannot hold (undefined, functions).
    if (value === undefined || typeof value === 'function') continue
    yield `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `
    first = false
    if (Array.isArray(value) && value.length > 0) {
      for (let i = 0; i < value.length; i++) {
        yield `${i === 0 ? '[' : ','}\n    ${indent(JSON.stringify(value[i] ?? null, null, 2), '\n    ')}`
      }
      yield '\n  ]'
    } else {
      yield indent(JSON.stringify(value, null, 2), '\n  ')
    }
  }
  yield first ? '{}\n' : '\n}\n'
}

/** A nested value's lines moved right; JSON text has no line break inside a string. */
const indent = (json: string, by: string) => json.replaceAll('\n', by)

/** Reads a JSON report back; throws a ZodError naming what does not fit the schema. */
export function parseJsonReport(text: string): ExportReport {
  return exportReportSchema.parse(JSON.parse(text))
}
