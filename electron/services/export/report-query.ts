import type { Db } from '../storage/database'
import type { CallCuesRow, CallRow, EventRow, NoteRow, RecoveryRow } from '../storage/rows'

/** The columns of each table a report reads (see rows.ts for the full rows). */
export type ReportCallRow = Omit<CallRow, 'external_id' | 'pinned'>
export type ReportNoteRow = Omit<NoteRow, 'revision'>
/** Only breaks that were taken (started) make it into a report. */
export type ReportRecoveryRow = Omit<RecoveryRow, 'offered_at' | 'source' | 'status' | 'started_at'> & {
  status: 'running' | 'paused' | 'finished' | 'ended-early'
  started_at: number
}
export type { CallCuesRow, EventRow }

/** Every stored row a report for [from, to) is made of. */
export interface ReportRows {
  calls: ReportCallRow[]
  /** Events of those calls, in the order they were logged. */
  events: EventRow[]
  /** Notes of those calls. */
  notes: ReportNoteRow[]
  /** Notes without a call, created in the range. */
  walkIns: ReportNoteRow[]
  /** Recovery breaks started in the range (none if this database has no recoveries yet). */
  recoveries: ReportRecoveryRow[]
  /** Figures from the sound levels of those calls that live call cues followed. */
  cues: CallCuesRow[]
}

const NOTE_COLUMNS = 'id, call_id, created_at, updated_at, what_happened, caller_wants, resolved, free_text, items'

/**
 * Selects the rows of a report. Read-only: works on a read-only connection to a database the app
 * is writing at the same time (WAL). Tables a database does not have yet count as empty.
 */
export function selectReportRows(db: Db, from: number, to: number): ReportRows {
  const has = (table: string) =>
    db
      .prepare<[string], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(table)?.n === 1
  const read = db.transaction(() => ({
    calls: db
      .prepare<[number, number], ReportCallRow>(
        `SELECT id, started_at, ended_at, caller, direction, hard, source FROM calls
         WHERE started_at >= ? AND started_at < ? ORDER BY started_at, id`,
      )
      .all(from, to),
    events: db
      .prepare<[number, number], EventRow>(
        `SELECT events.id, events.call_id, events.at, events.kind, events.text, events.source
         FROM calls JOIN events ON events.call_id = calls.id
         WHERE calls.started_at >= ? AND calls.started_at < ? ORDER BY events.id`,
      )
      .all(from, to),
    notes: has('notes')
      ? db
          .prepare<[number, number], ReportNoteRow>(
            `SELECT ${NOTE_COLUMNS.replace(/(\w+)/g, 'notes.$1')} FROM calls JOIN notes ON notes.call_id = calls.id
             WHERE calls.started_at >= ? AND calls.started_at < ?`,
          )
          .all(from, to)
      : [],
    walkIns: has('notes')
      ? db
          .prepare<[number, number], ReportNoteRow>(
            `SELECT ${NOTE_COLUMNS} FROM notes WHERE call_id IS NULL AND created_at >= ? AND created_at < ?
             ORDER BY created_at, id`,
          )
          .all(from, to)
      : [],
    recoveries: has('recoveries')
      ? db
          .prepare<[number, number], ReportRecoveryRow>(
            `SELECT id, call_id, status, started_at, paused_at, paused_total_ms, duration_ms, ended_at FROM recoveries
             WHERE status IN ('running', 'paused', 'finished', 'ended-early')
               AND started_at IS NOT NULL AND started_at >= ? AND started_at < ?
             ORDER BY started_at, id`,
          )
          .all(from, to)
      : [],
    cues: has('call_cues')
      ? db
          .prepare<[number, number], CallCuesRow>(
            `SELECT call_cues.* FROM calls JOIN call_cues ON call_cues.call_id = calls.id
             WHERE calls.started_at >= ? AND calls.started_at < ?`,
          )
          .all(from, to)
      : [],
  }))
  // One read transaction: a consistent snapshot while the app keeps writing.
  return read.deferred()
}

/** One call of a report with its events (in the order they were logged) and its note. */
export interface ReportCallRows {
  call: ReportCallRow
  events: EventRow[]
  note: ReportNoteRow | null
}

/** What a report's summary reads of one call: no text, no times but the call's own. */
export interface CallFactRows {
  call: Pick<ReportCallRow, 'id' | 'started_at' | 'ended_at' | 'hard'>
  events: Pick<EventRow, 'call_id' | 'kind'>[]
  note: Pick<ReportNoteRow, 'call_id' | 'items'> | null
}

const IN_RANGE = 'calls.started_at >= ? AND calls.started_at < ?'
const BY_CALL = 'ORDER BY calls.started_at, calls.id'

/**
 * The rows of a report for [from, to), streamed: each list is read with `.iterate()` as it is
 * consumed, one call at a time, never as a whole. Every call to a method reads afresh; run them in
 * one read transaction for one snapshot (export-job.ts does). The same rows as `selectReportRows`.
 */
export function streamReportRows(db: Db, from: number, to: number) {
  const has = (table: string) =>
    db
      .prepare<[string], { n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?")
      .get(table)?.n === 1
  const notes = has('notes')
  const recoveries = has('recoveries')
  const iterate = <Row>(sql: string) => db.prepare<[number, number], Row>(sql).iterate(from, to)
  const none = <Row>(): IterableIterator<Row> => [][Symbol.iterator]()
  return {
    /** Each call in range, in order, with its events and note. */
    calls: (): Generator<ReportCallRows> =>
      byCall(
        iterate<ReportCallRow>(
          `SELECT id, started_at, ended_at, caller, direction, hard, source FROM calls WHERE ${IN_RANGE} ${BY_CALL}`,
        ),
        iterate<EventRow>(
          `SELECT events.id, events.call_id, events.at, events.kind, events.text, events.source
           FROM calls JOIN events ON events.call_id = calls.id WHERE ${IN_RANGE} ${BY_CALL}, events.id`,
        ),
        notes
          ? iterate<ReportNoteRow>(
              `SELECT ${NOTE_COLUMNS.replace(/(\w+)/g, 'notes.$1')} FROM calls JOIN notes ON notes.call_id = calls.id
               WHERE ${IN_RANGE} ${BY_CALL}`,
            )
          : none<ReportNoteRow>(),
      ),
    /**
     * The same calls with only what the summary counts: of their events, only those of `kinds`
     * (the kinds the summary reacts to; most events are of others).
     */
    callFacts: (kinds: readonly string[]): Generator<CallFactRows> =>
      byCall(
        iterate<CallFactRows['call']>(`SELECT id, started_at, ended_at, hard FROM calls WHERE ${IN_RANGE} ${BY_CALL}`),
        db
          .prepare<[number, number, string], CallFactRows['events'][number]>(
            `SELECT events.call_id, events.kind FROM calls JOIN events ON events.call_id = calls.id
             WHERE ${IN_RANGE} AND events.kind IN (SELECT value FROM json_each(?)) ${BY_CALL}, events.id`,
          )
          .iterate(from, to, JSON.stringify(kinds)),
        notes
          ? iterate<NonNullable<CallFactRows['note']>>(
              `SELECT notes.call_id, notes.items FROM calls JOIN notes ON notes.call_id = calls.id
               WHERE ${IN_RANGE} ${BY_CALL}`,
            )
          : none<NonNullable<CallFactRows['note']>>(),
      ),
    /** The cue figures of the calls in range (a few numbers each). */
    cues: (): IterableIterator<CallCuesRow> =>
      has('call_cues')
        ? iterate<CallCuesRow>(
            `SELECT call_cues.* FROM calls JOIN call_cues ON call_cues.call_id = calls.id WHERE ${IN_RANGE}`,
          )
        : none<CallCuesRow>(),
    walkIns: (): IterableIterator<ReportNoteRow> =>
      notes
        ? iterate<ReportNoteRow>(
            `SELECT ${NOTE_COLUMNS} FROM notes WHERE call_id IS NULL AND created_at >= ? AND created_at < ?
             ORDER BY created_at, id`,
          )
        : none<ReportNoteRow>(),
    recoveries: (): IterableIterator<ReportRecoveryRow> =>
      recoveries
        ? iterate<ReportRecoveryRow>(
            `SELECT id, call_id, status, started_at, paused_at, paused_total_ms, duration_ms, ended_at FROM recoveries
             WHERE status IN ('running', 'paused', 'finished', 'ended-early')
               AND started_at IS NOT NULL AND started_at >= ? AND started_at < ?
             ORDER BY started_at, id`,
          )
        : none<ReportRecoveryRow>(),
  }
}

export type ReportRowStream = ReturnType<typeof streamReportRows>

/**
 * Walks calls, their events and their notes together: all three come in the calls' order, so each
 * call takes the events and the note that follow it with its id. A call has at most one note.
 */
function* byCall<C extends { id: number }, E extends { call_id: number }, N extends { call_id: number | null }>(
  calls: Iterator<C>,
  events: Iterator<E>,
  notes: Iterator<N>,
): Generator<{ call: C; events: E[]; note: N | null }> {
  let event = events.next()
  let note = notes.next()
  try {
    for (let next = calls.next(); !next.done; next = calls.next()) {
      const call = next.value
      const own: E[] = []
      while (!event.done && event.value.call_id === call.id) {
        own.push(event.value)
        event = events.next()
      }
      let ownNote: N | null = null
      if (!note.done && note.value.call_id === call.id) {
        ownNote = note.value
        note = notes.next()
      }
      yield { call, events: own, note: ownNote }
    }
  } finally {
    // Stopped early (an error while writing): free the statements at once.
    calls.return?.()
    events.return?.()
    notes.return?.()
  }
}
