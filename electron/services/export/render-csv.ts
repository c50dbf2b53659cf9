import { sharePct } from '../../../shared/cues/figures'
import type { ExportReport, ReportCallCues, ReportNote, ReportSummary } from '../../../shared/export'
import { localClock } from '../time/local-clock'
import type { ReportStream } from './build-report'
import { CSV_BOM, CSV_EOL, csvField } from './csv-writer'
import { reportTexts } from './report-texts'

/**
 * One CSV table for the whole report; the `record` column says what a row is: `report` (range and
 * time zone), `remark`, `summary` (one figure each), `call`, `event`, `promise`/`follow-up`,
 * `walk-in` and `recovery`. Times are local (`YYYY-MM-DD HH:MM:SS`, zone on the `report` row).
 * A `call` row followed by live call cues carries its sound-level figures in the `cue_` columns
 * (seconds, shares of the time listened to in %); other rows leave them empty.
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
  'cue_listened_s',
  'cue_you_pct',
  'cue_caller_pct',
  'cue_silence_pct',
  'cue_talk_overs',
  'cue_caller_longest_s',
  'cue_caller_raised_s',
  'cue_you_raised_s',
] as const

/** The `cue_` columns left empty (every row but a call with figures). */
const NO_CUES = ','.repeat(CSV_COLUMNS.indexOf('cue_you_raised_s') - CSV_COLUMNS.indexOf('source'))

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
  'cueCalls',
  'callerRaisedMs',
]

/** UTF-8 with a byte-order mark (so spreadsheet programs read it as UTF-8), CRLF line ends. */
export function renderCsv(report: ExportReport): string {
  let text = ''
  for (const chunk of renderCsvChunks(report)) text += chunk
  return text
}

/** Lines are handed on in pieces of about this many characters. */
const CHUNK = 1 << 16

/**
 * The same document as `renderCsv`, in pieces of whole lines (a year is tens of MB), its lists
 * read as they are written (a streamed report's come from the database). Each record
 * kind writes its line straight in column order (see CSV_COLUMNS): `s` for text (formula guard,
 * RFC 4180 quoting), `n` for numbers.
 */
export function* renderCsvChunks(report: ReportStream): Generator<string> {
  const clock = localClock(report.timeZone)
  const texts = reportTexts[report.language]
  const seconds = (ms: number) => String(Math.round(ms / 1000))
  const time = (iso: string) => s(sheetTime(iso))
  let out = CSV_BOM + CSV_COLUMNS.map(csvField).join(',') + CSV_EOL
  const line = (text: string, cues = NO_CUES) => {
    out += text + cues + CSV_EOL
  }
  const cueCells = (cues: ReportCallCues | null) => {
    if (!cues) return NO_CUES
    const pct = (ms: number | undefined) => (ms === undefined ? '' : n(sharePct(ms, cues.durationMs)))
    const sec = (ms: number | undefined) => (ms === undefined ? '' : seconds(ms))
    return `,${sec(cues.durationMs)},${pct(cues.youMs)},${pct(cues.callerMs)},${pct(cues.silenceMs)},${cues.talkOvers === undefined ? '' : n(cues.talkOvers)},${sec(cues.callerLongestMs)},${sec(cues.callerRaisedMs)},${sec(cues.youRaisedMs)}`
  }
  const about = `${texts.timeZone}: ${report.timeZone} (${clock.offsetLabel(report.range.from.ms)}); ${texts.generated}: ${sheetTime(report.generatedAt.local)}${report.redacted ? `; ${texts.redactedNote}` : ''}`
  // record,call_id,note_id,time_local,end_time_local,duration_s,caller,direction,hard,kind,label,text,what_happened,caller_wants,resolved,due,done,source,cue_…
  line(
    `report,,,${time(report.range.from.local)},${time(report.range.to.local)},,,,,${s(report.timeZone)},${s(texts.title)},${s(about)},,,,,,`,
  )
  if (report.remark) line(`remark,,,,,,,,,,,${s(report.remark)},,,,,,`)
  for (const key of SUMMARY_KEYS) {
    line(`summary,,,,,,,,,${s(key)},${s(summaryLabel(key, texts))},${n(report.summary[key])},,,,,,`)
  }
  const itemLines = (note: ReportNote) => {
    const ids = `${note.callId === null ? '' : n(note.callId)},${n(note.id)}`
    for (const item of note.items) {
      line(`${s(item.kind)},${ids},,,,,,,,,${s(item.text)},,,,${s(item.due ?? '')},${item.done ? 1 : 0},`)
    }
  }
  for (const call of report.calls) {
    const note = call.note
    const id = n(call.id)
    line(
      `call,${id},${note ? n(note.id) : ''},${time(call.startedAt.local)},${call.endedAt ? time(call.endedAt.local) : ''},${seconds(call.durationMs)},${s(call.caller ?? '')},${s(call.direction ?? '')},${call.hard ? 1 : 0},,,${note ? `${s(note.freeText)},${s(note.whatHappened)},${s(note.callerWants)},${s(note.resolved)}` : ',,,'},,,${s(call.source)}`,
      cueCells(call.cues),
    )
    for (const event of call.events) {
      line(
        `event,${id},,${time(event.at.local)},,,,,,${s(event.kind)},${s(event.label)},${s(event.text ?? '')},,,,,,${s(event.source)}`,
      )
    }
    if (note) itemLines(note)
    if (out.length >= CHUNK) {
      yield out
      out = ''
    }
  }
  for (const note of report.walkIns) {
    line(
      `walk-in,,${n(note.id)},${time(note.createdAt.local)},,,,,,,,${s(note.freeText)},${s(note.whatHappened)},${s(note.callerWants)},${s(note.resolved)},,,`,
    )
    itemLines(note)
    if (out.length >= CHUNK) {
      yield out
      out = ''
    }
  }
  for (const recovery of report.recoveries) {
    line(
      `recovery,${recovery.callId === null ? '' : n(recovery.callId)},,${time(recovery.startedAt.local)},${recovery.endedAt ? time(recovery.endedAt.local) : ''},${seconds(recovery.takenMs)},,,,${s(recovery.status)},,,,,,,,`,
    )
  }
  yield out
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
    cueCalls: texts.cueCalls,
    callerRaisedMs: `${texts.callerRaisedTotal} (ms)`,
  }
  return labels[key]
}

/** `2026-11-22T11:05:09+01:00` → `2026-11-22 11:05:09`: the report's local time, as spreadsheets read it. */
const sheetTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`

const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s(]))/

/**
 * A text cell. Spreadsheet programs run a cell that starts like a formula (`=HYPERLINK(…)`): such
 * text gets a leading apostrophe. Numbers such as "+31 6…" or "-5" are left as written. Then
 * quoted as RFC 4180 asks (csv-writer.ts).
 */
function s(value: string): string {
  if (value === '') return ''
  return csvField(FORMULA_START.test(value) ? `'${value}` : value)
}

/** A number cell: never guarded, never quoted. */
const n = (value: number) => String(value)
