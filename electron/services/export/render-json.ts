import { exportReportSchema, type ExportReport } from '../../../shared/export'

/** The whole report as JSON (see `exportReportSchema` in shared/export.ts), two-space indented. */
export function renderJson(report: ExportReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}

/** Reads a JSON report back; throws a ZodError naming what does not fit the schema. */
export function parseJsonReport(text: string): ExportReport {
  return exportReportSchema.parse(JSON.parse(text))
}
