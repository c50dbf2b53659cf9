import { exportReportSchema, type ExportReport } from '../../../shared/export'
import type { ReportStream } from './build-report'

/** The whole report as JSON (see `exportReportSchema` in shared/export.ts), two-space indented. */
export function renderJson(report: ExportReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}

/**
 * The same text as `renderJson`, character for character, in pieces: each of the report's lists
 * one element at a time, as it is read (a streamed report's lists come from the database as they
 * are iterated), so the whole document is never one string (a year is hundreds of MB).
 */
export function* renderJsonChunks(report: ReportStream): Generator<string> {
  let first = true
  for (const [key, value] of Object.entries(report) as [string, unknown][]) {
    // JSON.stringify leaves out what JSON cannot hold (undefined, functions).
    if (value === undefined || typeof value === 'function') continue
    yield `${first ? '{' : ','}\n  ${JSON.stringify(key)}: `
    first = false
    if (isList(value)) {
      let i = 0
      for (const item of value) {
        yield `${i++ === 0 ? '[' : ','}\n    ${indent(JSON.stringify(item ?? null, null, 2), '\n    ')}`
      }
      yield i === 0 ? '[]' : '\n  ]'
    } else {
      yield indent(JSON.stringify(value, null, 2), '\n  ')
    }
  }
  yield first ? '{}\n' : '\n}\n'
}

/** An array, or a list read as it is iterated (never a string: a report's strings are values). */
function isList(value: unknown): value is Iterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.iterator in value
}

/** A nested value's lines moved right; JSON text has no line break inside a string. */
const indent = (json: string, by: string) => json.replaceAll('\n', by)

/** Reads a JSON report back; throws a ZodError naming what does not fit the schema. */
export function parseJsonReport(text: string): ExportReport {
  return exportReportSchema.parse(JSON.parse(text))
}
