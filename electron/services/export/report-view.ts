import type { ExportReport, ReportCall, ReportNote } from '../../../shared/export'
import { formatMinutes } from './durations'
import type { ReportTexts } from './report-texts'

/** Whether nothing at all happened in the report's range. */
export function isEmptyReport(report: ExportReport): boolean {
  return report.calls.length === 0 && report.walkIns.length === 0 && report.recoveries.length === 0
}

/** The summary table as label/value pairs, in the order every format shows them. */
export function summaryRows(report: ExportReport, t: ReportTexts): [string, string][] {
  const s = report.summary
  const rows: [string, string][] = [
    [t.calls, String(s.calls)],
    [t.hardCalls, String(s.hardCalls)],
    [t.talkTime, formatMinutes(s.talkTimeMs)],
    [t.boundaryWarnings, String(s.boundaryWarnings)],
    [t.abuseEnds, String(s.abuseEnds)],
    [t.supervisorHandovers, String(s.supervisorHandovers)],
    [t.promisesOpen, String(s.promisesOpen)],
    [t.followUpsOpen, String(s.followUpsOpen)],
    [t.recoveryBreaks, t.recoveryValue(s.recoveryBreaks, formatMinutes(s.recoveryMs))],
  ]
  if (s.walkIns > 0) rows.push([t.walkIns, String(s.walkIns)])
  return rows
}

/** The caller as stored (or masked), or a note that no number was stored. */
export function callerText(call: ReportCall, t: ReportTexts): string {
  return call.caller ?? `(${t.unknownCaller})`
}

/** A note's first line worth showing in a one-line list. */
export function noteGist(note: ReportNote | null, max = 80): string {
  if (!note) return ''
  const text = [note.whatHappened, note.resolved, note.freeText].find((value) => value.trim()) ?? ''
  const line = (text.trim().split('\n')[0] ?? '').trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}
