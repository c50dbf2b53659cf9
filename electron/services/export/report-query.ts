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
