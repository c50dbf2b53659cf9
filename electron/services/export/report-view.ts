import type { ExportReport, ReportCall, ReportCallCues, ReportNote } from '../../../shared/export'
import { sharePct } from '../../../shared/cues/figures'
import { formatClockDuration, formatMinutes } from './durations'
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
  if (s.cueCalls > 0) {
    rows.push([t.cueCalls, String(s.cueCalls)], [t.callerRaisedTotal, t.seconds(secondsOf(s.callerRaisedMs))])
  }
  return rows
}

const secondsOf = (ms: number) => Math.round(ms / 1000)

/** The sound-level table: figure columns (the talk shares first) and one row per call cues followed. */
export interface CueTable {
  columns: string[]
  /** Whether the figures about the agent's own voice are in it (not in the team-folder copy). */
  own: boolean
  /** How many of the first columns are talk shares (one heading spans them). */
  shares: number
  rows: { call: ReportCall; cells: string[] }[]
}

/**
 * The calls live call cues followed, with their figures as text, in the order every format shows
 * them; null when there are none. Figures about the agent's own voice have their columns only
 * where the report carries them (not in the team-folder copy).
 */
export function cueTable(report: ExportReport, t: ReportTexts): CueTable | null {
  const followed = report.calls.flatMap((call) => (call.cues ? [{ call, cues: call.cues }] : []))
  if (followed.length === 0) return null
  const mine = followed.some(({ cues }) => cues.youMs !== undefined)
  const pct = (cues: ReportCallCues, ms: number | undefined) => t.percent(sharePct(ms ?? 0, cues.durationMs))
  type Column = [string, (cues: ReportCallCues) => string]
  const columns: Column[] = []
  if (mine) columns.push([t.shareYou, (cues) => pct(cues, cues.youMs)])
  columns.push([t.shareCaller, (cues) => pct(cues, cues.callerMs)])
  if (mine) {
    columns.push([t.shareSilence, (cues) => pct(cues, cues.silenceMs)])
    columns.push([t.talkOvers, (cues) => String(cues.talkOvers ?? 0)])
  }
  columns.push([t.callerLongest, (cues) => formatClockDuration(cues.callerLongestMs)])
  columns.push([t.callerRaised, (cues) => t.seconds(secondsOf(cues.callerRaisedMs))])
  if (mine) columns.push([t.youRaised, (cues) => t.seconds(secondsOf(cues.youRaisedMs ?? 0))])
  return {
    columns: columns.map(([title]) => title),
    own: mine,
    shares: mine ? 3 : 1,
    rows: followed.map(({ call, cues }) => ({ call, cells: columns.map(([, value]) => value(cues)) })),
  }
}

/** The line under the sound-level heading: what the figures are (the talked-over count only where shown). */
export function cueNote(table: CueTable, t: ReportTexts): string {
  return table.own ? `${t.soundLevelsNote} ${t.talkOversNote}` : t.soundLevelsNote
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
