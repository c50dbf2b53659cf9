import { kindLookup, type EventKind } from '../../../shared/event-kinds'
import { toFigures } from '../cues/cue-service'
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
import { noteItemSchema } from '../../../shared/notes'
import { recoveryEndsAt, recoveryTakenMs } from '../../../shared/recovery'
import type { Db } from '../storage/database'
import { localClock, type LocalClock } from '../time/local-clock'
import { redactText } from './redact'
import { recoveryTimes } from '../storage/rows'
import { selectReportRows, type ReportNoteRow, type ReportRecoveryRow, type ReportRows } from './report-query'

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

/** Builds the report for [from, to) from the database. */
export function buildReport(db: Db, options: ReportOptions): ExportReport {
  return reportFromRows(selectReportRows(db, options.from, options.to), options)
}

/** Builds the report from rows already selected (the one place every format's content comes from). */
export function reportFromRows(rows: ReportRows, options: ReportOptions): ExportReport {
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

  const eventsByCall = new Map<number, ReportEvent[]>()
  for (const row of rows.events) {
    let list = eventsByCall.get(row.call_id)
    if (!list) eventsByCall.set(row.call_id, (list = []))
    list.push({
      id: row.id,
      at: moment(row.at),
      kind: row.kind,
      label: labels.get(row.kind) ?? row.kind,
      text: maskNullable(row.text),
      source: row.source,
    })
  }
  const notesByCall = new Map(rows.notes.map((row) => [row.call_id, toNote(row)]))
  const cuesByCall = new Map(rows.cues.map((row) => [row.call_id, toFigures(row)]))

  const calls: ReportCall[] = rows.calls.map((row) => ({
    id: row.id,
    startedAt: moment(row.started_at),
    endedAt: row.ended_at === null ? null : moment(row.ended_at),
    durationMs: Math.max(0, (row.ended_at ?? options.now) - row.started_at),
    caller: row.caller === null ? null : options.redact ? '[phone]' : row.caller,
    direction: row.direction,
    hard: row.hard === 1,
    source: row.source,
    events: eventsByCall.get(row.id) ?? [],
    note: notesByCall.get(row.id) ?? null,
    cues: cuesByCall.get(row.id) ?? null,
  }))
  const walkIns = rows.walkIns.map(toNote)
  const recoveries = rows.recoveries.map((row) => toRecovery(row, options.now, moment))

  return {
    format: 'calmdeck.report',
    schemaVersion: EXPORT_SCHEMA_VERSION,
    generatedAt: moment(options.now),
    range: { from: moment(options.from), to: moment(options.to) },
    timeZone: clock.timeZone,
    language: options.language,
    redacted: options.redact,
    remark: mask(options.remark.trim()),
    summary: summarise(calls, walkIns, recoveries, kindLookup(options.eventKinds)),
    calls,
    walkIns,
    recoveries,
  }
}

/** The figures at the top of every report; what an event counts in comes from its kind's flags. */
export function summarise(
  calls: readonly ReportCall[],
  walkIns: readonly ReportNote[],
  recoveries: readonly ReportRecovery[],
  kindOf: (id: string) => EventKind | undefined,
): ReportSummary {
  const summary: ReportSummary = {
    calls: calls.length,
    hardCalls: 0,
    talkTimeMs: 0,
    boundaryWarnings: 0,
    abuseEnds: 0,
    supervisorHandovers: 0,
    promisesOpen: 0,
    followUpsOpen: 0,
    recoveryBreaks: recoveries.length,
    recoveryMs: recoveries.reduce((sum, item) => sum + item.takenMs, 0),
    walkIns: walkIns.length,
    cueCalls: 0,
    callerRaisedMs: 0,
  }
  const countItems = (note: ReportNote | null) => {
    for (const item of note?.items ?? []) {
      if (item.done) continue
      if (item.kind === 'promise') summary.promisesOpen++
      else summary.followUpsOpen++
    }
  }
  for (const call of calls) {
    if (call.hard) summary.hardCalls++
    if (call.cues) {
      summary.cueCalls++
      summary.callerRaisedMs += call.cues.callerRaisedMs
    }
    summary.talkTimeMs += call.durationMs
    let abuse = false
    let supervisor = false
    for (const event of call.events) {
      const kind = kindOf(event.kind)
      if (kind?.marker === 'boundary') summary.boundaryWarnings++
      if (kind?.marker === 'abuse') abuse = true
      if (kind?.supervisor) supervisor = true
    }
    if (abuse) summary.abuseEnds++
    if (supervisor) summary.supervisorHandovers++
    countItems(call.note)
  }
  for (const note of walkIns) countItems(note)
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

function parseItems(json: string): ReportNote['items'] {
  try {
    const parsed = noteItemSchema.array().safeParse(JSON.parse(json))
    return parsed.success ? parsed.data : []
  } catch {
    return []
  }
}

export type { LocalClock }
