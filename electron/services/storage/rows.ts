import type { ActionSource } from '../../../shared/actions'

/** A row of `calls` as SQLite returns it (migration 002). */
export interface CallRow {
  id: number
  started_at: number
  ended_at: number | null
  caller: string | null
  direction: 'inbound' | 'outbound' | null
  hard: number
  source: ActionSource
}

/** A row of `events` as SQLite returns it (migration 002). */
export interface EventRow {
  id: number
  call_id: number
  at: number
  kind: string
  text: string | null
  source: ActionSource
}
