import type { ActionSource, EventSource } from '../../../shared/actions'
import type { RecoveryStatus, RecoveryTimes } from '../../../shared/recovery'

/**
 * The rows of CalmDeck's tables as SQLite returns them (`SELECT *`), declared once for every
 * service and the report. A query that reads fewer columns says so with `Pick`/`Omit`.
 */

/** A row of `calls` (migration 002). */
export interface CallRow {
  id: number
  started_at: number
  ended_at: number | null
  caller: string | null
  direction: 'inbound' | 'outbound' | null
  hard: number
  source: ActionSource
  /** A softphone's id for the call, to recognise repeated reports of it. */
  external_id: string | null
  /** 1 when the agent pinned the call ("keep this incident"): retention keeps it (migration 006). */
  pinned: number
}

/** A row of `events` (migration 002; `cues` as a source since 007). */
export interface EventRow {
  id: number
  call_id: number
  at: number
  kind: string
  text: string | null
  source: EventSource
}

/** A row of `notes` (migration 003), without the columns only the database itself uses. */
export interface NoteRow {
  id: number
  call_id: number | null
  created_at: number
  updated_at: number
  revision: number
  what_happened: string
  caller_wants: string
  resolved: string
  free_text: string
  /** JSON: the note's promises and follow-ups. */
  items: string
}

/** A row of `recoveries` (migration 004). */
export interface RecoveryRow {
  id: number
  call_id: number | null
  status: RecoveryStatus
  offered_at: number | null
  duration_ms: number
  started_at: number | null
  paused_at: number | null
  paused_total_ms: number
  ended_at: number | null
  source: ActionSource
}

/** A break's stored times, for the time arithmetic in shared/recovery.ts. */
export function recoveryTimes(
  row: Pick<RecoveryRow, 'status' | 'started_at' | 'paused_at' | 'paused_total_ms' | 'duration_ms' | 'ended_at'>,
): RecoveryTimes {
  return {
    status: row.status,
    startedAt: row.started_at,
    pausedAt: row.paused_at,
    pausedTotalMs: row.paused_total_ms,
    durationMs: row.duration_ms,
    endedAt: row.ended_at,
  }
}

/** A row of `outbox` (migration 005). */
export interface OutboxRow {
  id: number
  idem_key: string
  type: 'help' | 'shift-summary' | 'test'
  message: string
  created_at: number
  status: 'pending' | 'sent' | 'failed' | 'dropped'
  attempts: number
  next_at: number
  last_error: string | null
  sent_at: number | null
}

/** A row of `call_cues` (migration 007): one call's figures from its sound levels. */
export interface CallCuesRow {
  call_id: number
  duration_ms: number
  you_ms: number
  caller_ms: number
  silence_ms: number
  overlap_ms: number
  talk_overs: number
  caller_longest_ms: number
  caller_raised_ms: number
  you_raised_ms: number
}
