import type { ActionSource, EventSource } from '../../../shared/actions'
import type { Call, CallEvent, CallListItem, CallState } from '../../../shared/calls'
import { RECENT_EVENTS, UNDO_WINDOW_MS } from '../../../shared/calls'
import { CALL_ENDED, CALL_STARTED, type EventKind } from '../../../shared/event-kinds'
import { AppError } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import type { Db } from '../storage/database'
import type { CallRow, EventRow } from '../storage/rows'

export interface CallServiceDeps {
  db: Db
  now: () => number
  callerStorage: () => Settings['callerNumber']
  eventKinds: () => readonly EventKind[]
  onChange?: (state: CallState) => void
  /** A call ended (by any path), after the change was committed. */
  onEnded?: (call: Call) => void
}

export interface StartOptions {
  source: ActionSource
  number?: string
  direction?: 'inbound' | 'outbound'
  /** A softphone's id for the call, kept to recognise repeated reports of it. */
  externalId?: string
  /** Text on the call-started event, e.g. why a call was recorded the way it was. */
  note?: string
}

/** What the calls integration needs to know about the open call. */
export interface OpenCallInfo {
  id: number
  startedAt: number
  source: ActionSource
  externalId: string | null
  hasCaller: boolean
}

/** A stored call as the contract has it. */
export const toCall = (row: CallRow): Call => ({
  id: row.id,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  caller: row.caller,
  direction: row.direction,
  hard: row.hard === 1,
  source: row.source,
  pinned: row.pinned === 1,
})

/** A stored event as the contract has it. */
export const toEvent = (row: EventRow): CallEvent => ({
  id: row.id,
  callId: row.call_id,
  at: row.at,
  kind: row.kind,
  text: row.text,
  source: row.source,
})

/**
 * Calls and their timelines. Every change is one transaction, committed before it is reported,
 * so what the agent sees as logged is on disk.
 */
export class CallService {
  private readonly stmt
  /** One event on the open call (or a new one), as stored: its row is the values written. */
  private readonly logInTransaction
  /** The call that was open at the last change, to notice when it ends. */
  private lastOpenId: number | null = null
  /** The state last reported, so an event logged on the same call extends it without reading it back. */
  private reported: CallState | null = null

  constructor(private readonly deps: CallServiceDeps) {
    const { db } = deps
    this.stmt = {
      open: db.prepare<[], CallRow>('SELECT * FROM calls WHERE ended_at IS NULL'),
      byId: db.prepare<[number], CallRow>('SELECT * FROM calls WHERE id = ?'),
      insertCall: db.prepare(
        'INSERT INTO calls (started_at, caller, direction, source, external_id) VALUES (@startedAt, @caller, @direction, @source, @externalId)',
      ),
      attach: db.prepare<[string | null, string | null, number]>(
        'UPDATE calls SET external_id = coalesce(external_id, ?), caller = coalesce(caller, ?) WHERE id = ?',
      ),
      endCall: db.prepare('UPDATE calls SET ended_at = ? WHERE id = ?'),
      setHard: db.prepare('UPDATE calls SET hard = ? WHERE id = ?'),
      setPinned: db.prepare<[number, number]>('UPDATE calls SET pinned = ? WHERE id = ?'),
      insertEvent: db.prepare<[number, number, string, string | null, EventSource]>(
        'INSERT INTO events (call_id, at, kind, text, source) VALUES (?, ?, ?, ?, ?)',
      ),
      event: db.prepare<[number], EventRow>('SELECT * FROM events WHERE id = ?'),
      events: db.prepare<[number], EventRow>('SELECT * FROM events WHERE call_id = ? ORDER BY id'),
      recent: db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE call_id = ? ORDER BY id DESC LIMIT ?'),
      kindsOf: db.prepare<[number], { kind: string }>('SELECT DISTINCT kind FROM events WHERE call_id = ?'),
      deleteEvent: db.prepare('DELETE FROM events WHERE id = ?'),
      lastUndoable: db.prepare<[string, string, number], EventRow>(
        'SELECT * FROM events WHERE kind NOT IN (?, ?) AND at >= ? ORDER BY id DESC LIMIT 1',
      ),
      list: db.prepare<[number, number, number], CallRow & { event_count: number }>(
        `SELECT calls.*, (SELECT count(*) FROM events WHERE events.call_id = calls.id) AS event_count
         FROM calls WHERE started_at >= ? AND started_at < ? AND (? = 0 OR hard = 1)
         ORDER BY started_at DESC, id DESC LIMIT 1000`,
      ),
    }
    this.logInTransaction = db.transaction((kind: EventKind, source: ActionSource, text: string | null) => {
      const open = this.stmt.open.get() ?? this.startInTransaction({ source })
      const at = Math.max(this.deps.now(), open.started_at)
      const id = Number(this.stmt.insertEvent.run(open.id, at, kind.id, text, source).lastInsertRowid)
      if (kind.hard && open.hard === 0) this.stmt.setHard.run(1, open.id)
      if (kind.endsCall) this.endInTransaction(open, source)
      const event: CallEvent = { id, callId: open.id, at, kind: kind.id, text, source }
      // The call as it is now stored, unless the event ended it.
      const call = kind.endsCall ? null : toCall({ ...open, hard: kind.hard ? 1 : open.hard })
      return { event, call }
    })
    this.lastOpenId = this.stmt.open.get()?.id ?? null
  }

  /** The open call and its latest events, or no call. */
  current(): CallState {
    const row = this.stmt.open.get()
    if (!row) return { call: null, recent: [] }
    return { call: toCall(row), recent: this.stmt.recent.all(row.id, RECENT_EVENTS).map(toEvent).reverse() }
  }

  start(options: StartOptions): CallState {
    this.deps.db.transaction(() => this.startInTransaction(options)).immediate()
    return this.changed()
  }

  /** Ends the open call; `note` goes on the call-ended event (e.g. why CalmDeck ended it). */
  end(source: ActionSource, note?: string): CallState {
    this.deps.db
      .transaction(() => {
        const open = this.stmt.open.get()
        if (!open) throw new AppError('conflict', 'There is no call in progress to end.')
        this.endInTransaction(open, source, note)
      })
      .immediate()
    return this.changed()
  }

  /**
   * Logs an event on the open call; with no call open, starts one first (in the same
   * transaction). Returns the event as stored.
   */
  log(kindId: string, source: ActionSource, text?: string): CallEvent {
    const kind = this.deps.eventKinds().find((item) => item.id === kindId)
    if (!kind || !kind.loggable)
      throw new AppError('invalid-request', `"${kindId}" is not a kind of event CalmDeck knows.`)
    const { event, call } = this.logInTransaction.immediate(kind, source, text?.trim() || null)
    this.changed(call ? this.extended(call, event) : undefined)
    return event
  }

  /**
   * The state after `event` was logged on the open `call`, built from the state last reported
   * when that was the same call (saves reading the call back on the hot path of a key press);
   * else undefined, and the state is read.
   */
  private extended(call: Call, event: CallEvent): CallState | undefined {
    const last = this.reported
    if (last?.call?.id !== call.id) return undefined
    return { call, recent: [...last.recent, event].slice(-RECENT_EVENTS) }
  }

  /**
   * Logs what the live call cues noticed (e.g. the caller's raised voice) on call `callId`, only
   * while that call is open: a cue that arrives after its call ended is refused and never opens a
   * call of its own. Undoable like every event.
   */
  logCue(callId: number, kindId: string): CallEvent {
    const kind = this.deps.eventKinds().find((item) => item.id === kindId)
    if (!kind) throw new AppError('invalid-request', `"${kindId}" is not a kind of event CalmDeck knows.`)
    const event = this.deps.db
      .transaction(() => {
        const open = this.stmt.open.get()
        if (open?.id !== callId) throw new AppError('conflict', 'That call is no longer in progress.')
        const at = Math.max(this.deps.now(), open.started_at)
        const id = Number(this.stmt.insertEvent.run(open.id, at, kind.id, null, 'cues').lastInsertRowid)
        if (kind.hard && open.hard === 0) this.stmt.setHard.run(1, open.id)
        return { id, callId: open.id, at, kind: kind.id, text: null, source: 'cues' as const }
      })
      .immediate()
    this.changed()
    return event
  }

  /** Removes an event logged less than 10 seconds ago; with no id, the latest such event. */
  undo(eventId?: number): CallEvent {
    const removed = this.deps.db
      .transaction(() => {
        const since = this.deps.now() - UNDO_WINDOW_MS
        const row =
          eventId === undefined
            ? this.stmt.lastUndoable.get(CALL_STARTED, CALL_ENDED, since)
            : this.stmt.event.get(eventId)
        if (!row) throw new AppError('not-found', 'There is nothing to undo.')
        if (row.kind === CALL_STARTED || row.kind === CALL_ENDED) {
          throw new AppError('conflict', 'Starting or ending a call cannot be undone.')
        }
        if (row.at < since) throw new AppError('conflict', 'This event was logged more than 10 seconds ago.')
        this.stmt.deleteEvent.run(row.id)
        this.recomputeHard(row.call_id)
        return row
      })
      .immediate()
    this.changed()
    return toEvent(removed)
  }

  /** The open call's identity for matching softphone reports, or null. */
  openCall(): OpenCallInfo | null {
    const row = this.stmt.open.get()
    return row
      ? {
          id: row.id,
          startedAt: row.started_at,
          source: row.source,
          externalId: row.external_id,
          hasCaller: row.caller !== null,
        }
      : null
  }

  /** Fills in a softphone's id and the caller on the open call where they are still unknown. */
  attach(callId: number, externalId: string | undefined, number: string | undefined): CallState {
    this.stmt.attach.run(externalId ?? null, storedCaller(number, this.deps.callerStorage()), callId)
    return this.changed()
  }

  /**
   * Records a call CalmDeck only heard end: started and ended now, with `note` on its start
   * event. Refused while another call is open.
   */
  recordEnded(options: StartOptions): { callId: number; state: CallState } {
    const callId = this.deps.db
      .transaction(() => {
        const call = this.startInTransaction(options)
        this.endInTransaction(call, options.source)
        return call.id
      })
      .immediate()
    return { callId, state: this.changed() }
  }

  /** Calls that started in [from, to), newest first; `hardOnly` keeps the hard ones. */
  list(from: number, to: number, hardOnly = false): CallListItem[] {
    return this.stmt.list
      .all(from, to, hardOnly ? 1 : 0)
      .map((row) => ({ ...toCall(row), eventCount: row.event_count }))
  }

  timeline(callId: number): { call: Call; events: CallEvent[] } {
    const row = this.stmt.byId.get(callId)
    if (!row) throw new AppError('not-found', 'This call does not exist.')
    return { call: toCall(row), events: this.stmt.events.all(callId).map(toEvent) }
  }

  /** Pins a call ("keep this incident": retention keeps it) or unpins it; returns the call as stored. */
  setPinned(callId: number, pinned: boolean): Call {
    if (this.stmt.setPinned.run(pinned ? 1 : 0, callId).changes === 0) {
      throw new AppError('not-found', 'This call does not exist.')
    }
    const row = this.stmt.byId.get(callId)
    if (!row) throw new AppError('not-found', 'This call does not exist.')
    if (row.ended_at === null) this.changed()
    return toCall(row)
  }

  private startInTransaction(options: StartOptions): CallRow {
    if (this.stmt.open.get()) throw new AppError('conflict', 'A call is already in progress. End it first.')
    const startedAt = this.deps.now()
    const id = Number(
      this.stmt.insertCall.run({
        startedAt,
        caller: storedCaller(options.number, this.deps.callerStorage()),
        direction: options.direction ?? null,
        source: options.source,
        externalId: options.externalId ?? null,
      }).lastInsertRowid,
    )
    this.stmt.insertEvent.run(id, startedAt, CALL_STARTED, options.note ?? null, options.source)
    const row = this.stmt.byId.get(id)
    if (!row) throw new AppError('internal', 'The call could not be read back.')
    return row
  }

  private endInTransaction(open: CallRow, source: ActionSource, note?: string): void {
    const at = Math.max(this.deps.now(), open.started_at)
    this.stmt.insertEvent.run(open.id, at, CALL_ENDED, note ?? null, source)
    this.stmt.endCall.run(at, open.id)
  }

  private recomputeHard(callId: number): void {
    const hardKinds = new Set(
      this.deps
        .eventKinds()
        .filter((kind) => kind.hard)
        .map((kind) => kind.id),
    )
    const hard = this.stmt.kindsOf.all(callId).some((row) => hardKinds.has(row.kind))
    this.stmt.setHard.run(hard ? 1 : 0, callId)
  }

  /** The data was replaced underneath (a restored backup, an import, delete all): forget what was open and tell the windows. */
  reload(): CallState {
    this.lastOpenId = this.stmt.open.get()?.id ?? null
    return this.changed()
  }

  /** Reports the state after a change: `state` when the change already knows it, else as stored. */
  private changed(state: CallState = this.current()): CallState {
    this.reported = state
    const endedId = this.lastOpenId !== null && state.call?.id !== this.lastOpenId ? this.lastOpenId : null
    this.lastOpenId = state.call?.id ?? null
    this.deps.onChange?.(state)
    const ended = endedId === null ? undefined : this.stmt.byId.get(endedId)
    if (ended && ended.ended_at !== null) this.deps.onEnded?.(toCall(ended))
    return state
  }
}

/** A caller's number as the privacy setting allows it to be stored. */
export function storedCaller(number: string | undefined, storage: Settings['callerNumber']): string | null {
  const trimmed = number?.trim()
  if (!trimmed || storage === 'off') return null
  if (storage === 'full') return trimmed
  const digits = trimmed.replace(/\D/g, '')
  return digits.length === 0 ? null : `…${digits.slice(-4)}`
}
