import { builtInEventKinds, kindLookup, type EventKind } from '../../../shared/event-kinds'
import {
  EXPORT_SCHEMA_VERSION,
  type ExportReport,
  type ReportCall,
  type ReportEvent,
  type ReportNote,
  type ReportRecovery,
  type ReportSummary,
} from '../../../shared/export'
import type { AppLocale } from '../../../shared/locales'
import { pickText } from '../../../shared/locales'
import { noteItemCounts, type NoteItemKind } from '../../../shared/note-items'
import { noteItemSchema } from '../../../shared/notes'
import { recoveryEndsAt, recoveryTakenMs } from '../../../shared/recovery'
import type { Db } from '../storage/database'
import { localClock, type LocalClock } from '../time/local-clock'
import { redactText } from './redact'
import { toFigures } from '../cues/cue-service'
import type { CallCueFigures } from '../../../shared/cues/engine'
import { recoveryTimes } from '../storage/rows'
import {
  selectReportRows,
  streamReportRows,
  type EventRow,
  type ReportCallRow,
  type ReportNoteRow,
  type ReportRecoveryRow,
  type ReportRows,
} from './report-query'

export interface ReportOptions {
  from: number
  to: number
  /** The moment the report is made: the end of calls and breaks still going on. */
  now: number
  timeZone: string
  language: AppLocale
  eventKinds: readonly EventKind[]
  redact: boolean
  remark: string
}

/**
 * A report whose lists are read as they are written: any iterable, e.g. rows streamed from the
 * database (`streamReport`). What the piece renderers take; an `ExportReport` is one too.
 */
export type ReportStream = Omit<ExportReport, 'calls' | 'walkIns' | 'recoveries'> & {
  calls: Iterable<ReportCall>
  walkIns: Iterable<ReportNote>
  recoveries: Iterable<ReportRecovery>
}

/** Builds the report for [from, to) from the database. */
export function buildReport(db: Db, options: ReportOptions): ExportReport {
  return reportFromRows(selectReportRows(db, options.from, options.to), options)
}

/** Builds the report from rows already selected (the one place every format's content comes from). */
export function reportFromRows(rows: ReportRows, options: ReportOptions): ExportReport {
  const parts = reportParts(options)
  const eventsByCall = new Map<number, ReportEvent[]>()
  for (const row of rows.events) {
    let list = eventsByCall.get(row.call_id)
    if (!list) eventsByCall.set(row.call_id, (list = []))
    list.push(parts.toEvent(row))
  }
  const notesByCall = new Map(rows.notes.map((row) => [row.call_id, parts.toNote(row)]))
  const cuesByCall = new Map(rows.cues.map((row) => [row.call_id, toFigures(row)]))
  const calls = rows.calls.map((row) =>
    parts.toCall(row, eventsByCall.get(row.id) ?? [], notesByCall.get(row.id) ?? null, cuesByCall.get(row.id) ?? null),
  )
  const walkIns = rows.walkIns.map(parts.toNote)
  const recoveries = rows.recoveries.map(parts.toRecovery)
  return parts.assemble(summarise(calls, walkIns, recoveries, parts.kindOf), calls, walkIns, recoveries)
}

/**
 * The same report as `buildReport`, with its lists streamed from the database as they are read
 * (`.iterate()`), one call at a time: a year's CSV or JSON never holds the year. The summary comes
 * first, from a pass over only what it counts. Each list reads afresh whenever it is iterated: keep
 * `db` in one read transaction while the report is used, for one snapshot.
 */
export function streamReport(db: Db, options: ReportOptions): ReportStream {
  const rows = streamReportRows(db, options.from, options.to)
  const parts = reportParts(options)
  // A call's cue figures are a few numbers: the range's are held by call id (no text in them).
  const cuesByCall = new Map([...rows.cues()].map((row) => [row.call_id, toFigures(row)]))
  // The summary reads only the events whose kinds it counts: the database leaves out the rest.
  const counted = [...builtInEventKinds, ...options.eventKinds]
    .map((kind) => kind.id)
    .filter((id) => countsInSummary(parts.kindOf(id)))
  const facts = mapped(rows.callFacts([...new Set(counted)]), ({ call, events, note }) => ({
    hard: call.hard === 1,
    durationMs: callDurationMs(call, options.now),
    events,
    note: note && { items: parseItems(note.items) },
    cues: cuesByCall.get(call.id) ?? null,
  }))
  const summary = summarise(
    facts,
    mapped(rows.walkIns(), (row) => ({ items: parseItems(row.items) })),
    mapped(rows.recoveries(), parts.toRecovery),
    parts.kindOf,
  )
  return parts.assemble(
    summary,
    readAfresh(() =>
      mapped(rows.calls(), ({ call, events, note }) =>
        parts.toCall(call, events.map(parts.toEvent), note && parts.toNote(note), cuesByCall.get(call.id) ?? null),
      ),
    ),
    readAfresh(() => mapped(rows.walkIns(), parts.toNote)),
    readAfresh(() => mapped(rows.recoveries(), parts.toRecovery)),
  )
}

/** How each row becomes part of a report, for both the built and the streamed one. */
function reportParts(options: ReportOptions) {
  const clock = localClock(options.timeZone)
  const moment = (ms: number) => ({ ms, local: clock.iso(ms) })
  const mask = options.redact ? (text: string) => redactText(text, options.language) : (text: string) => text
  const maskNullable = (text: string | null) => (text === null ? null : mask(text))
  const labels = new Map(options.eventKinds.map((kind) => [kind.id, pickText(kind.label, options.language, 'en')]))

  const toNote = (row: ReportNoteRow): ReportNote => ({
    id: row.id,
    callId: row.call_id,
    createdAt: moment(row.created_at),
    updatedAt: moment(row.updated_at),
    whatHappened: mask(row.what_happened),
    callerWants: mask(row.caller_wants),
    resolved: mask(row.resolved),
    freeText: mask(row.free_text),
    items: parseItems(row.items).map((item) => ({ ...item, text: mask(item.text) })),
  })
  const toEvent = (row: EventRow): ReportEvent => ({
    id: row.id,
    at: moment(row.at),
    kind: row.kind,
    label: labels.get(row.kind) ?? row.kind,
    text: maskNullable(row.text),
    source: row.source,
  })
  const toCall = (
    row: ReportCallRow,
    events: ReportEvent[],
    note: ReportNote | null,
    cues: CallCueFigures | null,
  ): ReportCall => ({
    id: row.id,
    startedAt: moment(row.started_at),
    endedAt: row.ended_at === null ? null : moment(row.ended_at),
    durationMs: callDurationMs(row, options.now),
    caller: row.caller === null ? null : options.redact ? '[phone]' : row.caller,
    direction: row.direction,
    hard: row.hard === 1,
    source: row.source,
    events,
    note,
    cues,
  })
  const assemble = <C, W, R>(
    summary: ReportSummary,
    calls: C,
    walkIns: W,
    recoveries: R,
  ): Omit<ExportReport, 'calls' | 'walkIns' | 'recoveries'> & { calls: C; walkIns: W; recoveries: R } => ({
    format: 'calmdeck.report',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: moment(options.now),
    range: { from: moment(options.from), to: moment(options.to) },
    timeZone: clock.timeZone,
    language: options.language,
    redacted: options.redact,
    remark: mask(options.remark.trim()),
    summary,
    calls,
    walkIns,
    recoveries,
  })
  return {
    toNote,
    toEvent,
    toCall,
    toRecovery: (row: ReportRecoveryRow) => toRecovery(row, options.now, moment),
    assemble,
    kindOf: kindLookup(options.eventKinds),
  }
}

/** A call's length; one still going on counts until the report's moment. */
function callDurationMs(row: Pick<ReportCallRow, 'started_at' | 'ended_at'>, now: number): number {
  return Math.max(0, (row.ended_at ?? now) - row.started_at)
}

function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item)
}

/** An iterable that starts over from `read()` each time it is iterated (each format's pass). */
function readAfresh<T>(read: () => Iterator<T>): Iterable<T> {
  return { [Symbol.iterator]: read }
}

/** What the summary reads of a note: its items' kinds and whether they are done. */
interface SummaryNote {
  items: readonly { kind: NoteItemKind; done: boolean }[]
}

/** What the summary reads of a call. */
interface SummaryCall {
  hard: boolean
  durationMs: number
  events: readonly { kind: string }[]
  note: SummaryNote | null
  /** The call's figures from the live cues, when they followed it. */
  cues: Pick<CallCueFigures, 'callerRaisedMs'> | null
}

/**
 * Whether events of this kind count in a report's summary (`summarise` reads no others): the
 * streamed report reads only these for its summary.
 */
function countsInSummary(kind: EventKind | undefined): kind is EventKind {
  return kind !== undefined && (kind.noteItem !== undefined || kind.marker !== undefined || kind.supervisor)
}

/** The figures at the top of every report; what an event counts in comes from its kind's flags. */
export function summarise(
  calls: Iterable<SummaryCall>,
  walkIns: Iterable<SummaryNote>,
  recoveries: Iterable<{ takenMs: number }>,
  kindOf: (id: string) => EventKind | undefined,
): ReportSummary {
  const summary: ReportSummary = {
    calls: 0,
    hardCalls: 0,
    talkTimeMs: 0,
    boundaryWarnings: 0,
    abuseEnds: 0,
    supervisorHandovers: 0,
    promisesOpen: 0,
    followUpsOpen: 0,
    recoveryBreaks: 0,
    recoveryMs: 0,
    walkIns: 0,
    cueCalls: 0,
    callerRaisedMs: 0,
  }
  const countItems = (note: SummaryNote | null, logged: readonly NoteItemKind[] = []) => {
    const { open } = noteItemCounts(logged, note?.items ?? [])
    summary.promisesOpen += open.promise
    summary.followUpsOpen += open['follow-up']
  }
  for (const recovery of recoveries) {
    summary.recoveryBreaks++
    summary.recoveryMs += recovery.takenMs
  }
  for (const call of calls) {
    summary.calls++
    if (call.hard) summary.hardCalls++
    if (call.cues) {
      summary.cueCalls++
      summary.callerRaisedMs += call.cues.callerRaisedMs
    }
    summary.talkTimeMs += call.durationMs
    let abuse = false
    let supervisor = false
    const logged: NoteItemKind[] = []
    for (const event of call.events) {
      const kind = kindOf(event.kind)
      if (!countsInSummary(kind)) continue
      if (kind.noteItem) logged.push(kind.noteItem)
      if (kind.marker === 'boundary') summary.boundaryWarnings++
      if (kind.marker === 'abuse') abuse = true
      if (kind.supervisor) supervisor = true
    }
    if (abuse) summary.abuseEnds++
    if (supervisor) summary.supervisorHandovers++
    countItems(call.note, logged)
  }
  for (const note of walkIns) {
    summary.walkIns++
    countItems(note)
  }
  return summary
}

function toRecovery(
  row: ReportRecoveryRow,
  now: number,
  moment: (ms: number) => { ms: number; local: string },
): ReportRecovery {
  // A running break past its planned end is over (the app marks it finished when it next looks).
  const times = recoveryTimes(row)
  const plannedEnd = recoveryEndsAt(times) ?? row.started_at
  const overdue = row.status === 'running' && row.ended_at === null && now >= plannedEnd
  const endedAt = overdue ? plannedEnd : row.ended_at
  return {
    id: row.id,
    callId: row.call_id,
    status: overdue ? 'finished' : row.status,
    startedAt: moment(row.started_at),
    endedAt: endedAt === null ? null : moment(endedAt),
    takenMs: recoveryTakenMs(times, now),
  }
}

/** Built once: a year's report parses the items of every note, twice when streamed. */
const noteItemsSchema = noteItemSchema.array()

function parseItems(json: string): ReportNote['items'] {
  try {
    const parsed = noteItemsSchema.safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

export type { LocalClock }
