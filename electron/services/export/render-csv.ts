import type { ExportReport, ReportNote, ReportSummary } from '../../../shared/export'
import { localClock } from '../time/local-clock'
import { csvDocument } from './csv-writer'
import { reportTexts } from './report-texts'

/**
 * One CSV table for the whole report; the `record` column says what a row is: `report` (range and
 * time zone), `remark`, `summary` (one figure each), `call`, `event`, `promise`/`follow-up`,
 * `walk-in` and `recovery`. Times are local (`YYYY-MM-DD HH:MM:SS`, zone on the `report` row).
 */
export const CSV_COLUMNS = [
  'record',
  'call_id',
  'note_id',
  'time_local',
  'end_time_local',
  'duration_s',
  'caller',
  'direction',
  'hard',
  'kind',
  'label',
  'text',
  'what_happened',
  'caller_wants',
  'resolved',
  'due',
  'done',
  'source',
] as const

type Column = (typeof CSV_COLUMNS)[number]
type Row = Partial<Record<Column, string | number>>

const SUMMARY_KEYS: readonly (keyof ReportSummary)[] = [
  'calls',
  'hardCalls',
  'talkTimeMs',
  'boundaryWarnings',
  'abuseEnds',
  'supervisorHandovers',
  'promisesOpen',
  'followUpsOpen',
  'recoveryBreaks',
  'recoveryMs',
  'walkIns',
]

/** UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8), CRLF line ends. */
export function renderCsv(report: ExportReport): string {
  const clock = localClock(report.timeZone)
  const texts = reportTexts[report.language]
  const seconds = (ms: number) => Math.round(ms / 1000)
  const rows: (string | number)[][] = [[...CSV_COLUMNS]]
  const push = (row: Row) => rows.push(toCells(row))
  push({
    record: 'report',
    time_local: sheetTime(report.range.from.local),
    end_time_local: sheetTime(report.range.to.local),
    kind: report.timeZone,
    label: texts.title,
    text: `${texts.timeZone}: ${report.timeZone} (${clock.offsetLabel(report.range.from.ms)}); ${texts.generated}: ${sheetTime(report.generatedAt.local)}${report.redacted ? `; ${texts.redactedNote}` : ''}`,
  })
  if (report.remark) push({ record: 'remark', text: report.remark })
  for (const key of SUMMARY_KEYS) {
    push({ record: 'summary', kind: key, label: summaryLabel(key, texts), text: report.summary[key] })
  }
  const itemRows = (note: ReportNote) => {
    for (const item of note.items) {
      push({
        record: item.kind,
        call_id: note.callId ?? '',
        note_id: note.id,
        text: item.text,
        due: item.due ?? '',
        done: item.done ? 1 : 0,
      })
    }
  }
  for (const call of report.calls) {
    push({
      record: 'call',
      call_id: call.id,
      note_id: call.note?.id ?? '',
      time_local: sheetTime(call.startedAt.local),
      end_time_local: call.endedAt ? sheetTime(call.endedAt.local) : '',
      duration_s: seconds(call.durationMs),
      caller: call.caller ?? '',
      direction: call.direction ?? '',
      hard: call.hard ? 1 : 0,
      text: call.note?.freeText ?? '',
      what_happened: call.note?.whatHappened ?? '',
      caller_wants: call.note?.callerWants ?? '',
      resolved: call.note?.resolved ?? '',
      source: call.source,
    })
    for (const event of call.events) {
      push({
        record: 'event',
        call_id: call.id,
        time_local: sheetTime(event.at.local),
        kind: event.kind,
        label: event.label,
        text: event.text ?? '',
        source: event.source,
      })
    }
    if (call.note) itemRows(call.note)
  }
  for (const note of report.walkIns) {
    push({
      record: 'walk-in',
      note_id: note.id,
      time_local: sheetTime(note.createdAt.local),
      text: note.freeText,
      what_happened: note.whatHappened,
      caller_wants: note.callerWants,
      resolved: note.resolved,
    })
    itemRows(note)
  }
  for (const recovery of report.recoveries) {
    push({
      record: 'recovery',
      call_id: recovery.callId ?? '',
      time_local: sheetTime(recovery.startedAt.local),
      end_time_local: recovery.endedAt ? sheetTime(recovery.endedAt.local) : '',
      duration_s: seconds(recovery.takenMs),
      kind: recovery.status,
    })
  }
  return csvDocument(rows)
}

function summaryLabel(key: keyof ReportSummary, texts: (typeof reportTexts)['en']): string {
  const labels: Record<keyof ReportSummary, string> = {
    calls: texts.calls,
    hardCalls: texts.hardCalls,
    talkTimeMs: `${texts.talkTime} (ms)`,
    boundaryWarnings: texts.boundaryWarnings,
    abuseEnds: texts.abuseEnds,
    supervisorHandovers: texts.supervisorHandovers,
    promisesOpen: texts.promisesOpen,
    followUpsOpen: texts.followUpsOpen,
    recoveryBreaks: texts.recoveryBreaks,
    recoveryMs: `${texts.recoveryBreaks} (ms)`,
    walkIns: texts.walkIns,
  }
  return labels[key]
}

/** `2026-11-22T11:05:09+01:00` → `2026-11-22 11:05:09`: the report's local time, as spreadsheets read it. */
const sheetTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`

const FORMULA = /^(?:[=@\t\r]|[+-](?![\d\s(]))/

/**
 * A row's cells in column order. Spreadsheet programs run a cell that starts like a formula
 * (`=HYPERLINK(…)`): such text gets a leading apostrophe. Numbers such as "+31 6…" or "-5" are
 * left as written.
 */
function toCells(row: Row): (string | number)[] {
  return CSV_COLUMNS.map((column) => {
    const value = row[column]
    if (value === undefined) return ''
    return typeof value === 'string' && value !== '' && FORMULA.test(value) ? `'${value}` : value
  })
}
