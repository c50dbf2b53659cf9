import type { CallEventOrigin, ExternalCallEvent, IngestOutcome } from '../../../shared/call-events'
import { plainNumber } from '../../../shared/call-events'
import type { ActionOutcome } from '../../../shared/contract'
import type { CallService, OpenCallInfo } from '../calls/call-service'

/** Two reports of one call (two sources, or a repeat) arrive within this time of each other. */
export const DUPLICATE_WINDOW_MS = 5_000
/** A call the agent opened by hand this recently is taken to be the call the softphone reports. */
export const ADOPT_WINDOW_MS = 120_000
/** A ringing call not answered within this time is forgotten. */
export const RINGING_TTL_MS = 5 * 60_000
const MAX_RINGING = 20

export const NOTE_REPLACED = 'Ended by CalmDeck: the softphone reported a new call.'
export const NOTE_END_ONLY = 'Only the end of this call was reported; its start time is unknown.'

export type IngestEvent = ExternalCallEvent & { origin: CallEventOrigin }

export interface CallEventIngestDeps {
  calls: CallService
  now: () => number
  /** Told about every call opened or closed here, like a hotkey's `actions:performed`. */
  onPerformed: (action: 'call-start' | 'call-end', outcome: ActionOutcome) => void
  /** A call just opened: the host may show its window (without taking focus). */
  onCallStarted?: () => void
  /** Gets the event type, origin and result only: never numbers or ids. */
  log?: (line: string) => void
}

interface Ringing {
  origin: CallEventOrigin
  externalId?: string
  number?: string
  direction?: 'inbound' | 'outbound'
  at: number
}

interface Ended {
  callId: number
  at: number
  origin: CallEventOrigin | null
  externalId: string | null
}

/**
 * The one way softphone events become calls. Decisions, in short:
 * - `incoming` (ringing) records nothing: a call that is never answered is not a conversation.
 *   Its number and direction are kept for the `answered` that follows.
 * - `answered` opens a call. The same call reported again (same id, or within 5 s from another
 *   source) changes nothing. A call the agent opened by hand in the last 2 minutes is adopted.
 *   Any other open call is ended first, with a note saying why.
 * - `ended` closes the open call, unless it names a different call of the same source (a second
 *   line). With no call open it is a duplicate (within 5 s of the last end), a missed call (it
 *   only rang), or a call CalmDeck did not see start: recorded as ended now, with a note.
 * - `failed` closes only the call it names by id; otherwise it ends a ringing call (missed).
 */
export class CallEventIngest {
  private ringing: Ringing[] = []
  private lastEnded: Ended | null = null
  /** Which source opened the open call (unknown after a restart). */
  private openOrigin: { callId: number; origin: CallEventOrigin } | null = null

  constructor(private readonly deps: CallEventIngestDeps) {}

  /** The call open now, if any. */
  openCall(): OpenCallInfo | null {
    return this.deps.calls.openCall()
  }

  ingest(raw: IngestEvent): IngestOutcome {
    const event: IngestEvent = { ...raw, number: plainNumber(raw.number) }
    this.forgetStaleRinging()
    const outcome = this.decide(event)
    this.deps.log?.(`call event ${event.type} from ${event.origin}: ${outcome.result}`)
    return outcome
  }

  private decide(event: IngestEvent): IngestOutcome {
    const open = this.deps.calls.openCall()
    switch (event.type) {
      case 'incoming':
        return this.onIncoming(event, open)
      case 'answered':
        return this.onAnswered(event, open)
      case 'ended':
      case 'failed':
        return this.onEnd(event, open)
    }
  }

  private onIncoming(event: IngestEvent, open: OpenCallInfo | null): IngestOutcome {
    if (open && this.isSameCall(open, event)) return { result: 'duplicate', callId: open.id }
    this.ringing = this.ringing.filter((item) => !(event.externalId && item.externalId === event.externalId))
    this.ringing.push({
      origin: event.origin,
      externalId: event.externalId,
      number: event.number,
      direction: event.direction ?? 'inbound',
      at: this.deps.now(),
    })
    if (this.ringing.length > MAX_RINGING) this.ringing.shift()
    return { result: 'ringing', callId: null }
  }

  private onAnswered(event: IngestEvent, open: OpenCallInfo | null): IngestOutcome {
    const rang = this.takeRinging(event, true)
    const number = event.number ?? rang?.number
    const direction = event.direction ?? rang?.direction
    if (open) {
      if (this.isSameCall(open, event)) {
        if ((event.externalId && !open.externalId) || (number && !open.hasCaller)) {
          this.deps.calls.attach(open.id, event.externalId, number)
        }
        return { result: 'duplicate', callId: open.id }
      }
      if (open.source !== 'integration' && !open.externalId && this.deps.now() - open.startedAt <= ADOPT_WINDOW_MS) {
        this.deps.calls.attach(open.id, event.externalId, number)
        this.openOrigin = { callId: open.id, origin: event.origin }
        return { result: 'adopted', callId: open.id }
      }
      this.endOpen(open, event.origin, NOTE_REPLACED)
    } else if (this.isLastEnded(event, false)) {
      return { result: 'duplicate', callId: this.lastEnded?.callId ?? null }
    }
    const state = this.deps.calls.start({ source: 'integration', number, direction, externalId: event.externalId })
    const callId = state.call?.id ?? null
    if (callId !== null) this.openOrigin = { callId, origin: event.origin }
    this.deps.onPerformed('call-start', { type: 'call-started', state })
    this.deps.onCallStarted?.()
    return { result: 'started', callId }
  }

  private onEnd(event: IngestEvent, open: OpenCallInfo | null): IngestOutcome {
    // A call still ringing under this id is not the open one (answering removes it from the list).
    if (event.externalId && this.ringing.some((item) => item.externalId === event.externalId)) {
      this.takeRinging(event, false)
      return { result: 'missed', callId: null }
    }
    if (open) {
      const named = this.namesOtherCall(open, event)
      const endsOpen = event.type === 'ended' ? !named : this.idsMatch(open, event)
      if (endsOpen) {
        return { result: 'ended', callId: this.endOpen(open, event.origin) }
      }
      return this.takeRinging(event, false) ? { result: 'missed', callId: null } : { result: 'ignored', callId: null }
    }
    if (this.takeRinging(event, false)) return { result: 'missed', callId: null }
    if (this.isLastEnded(event, true)) return { result: 'duplicate', callId: this.lastEnded?.callId ?? null }
    if (event.type === 'failed') return { result: 'ignored', callId: null }
    const { callId, state } = this.deps.calls.recordEnded({
      source: 'integration',
      number: event.number,
      direction: event.direction,
      externalId: event.externalId,
      note: NOTE_END_ONLY,
    })
    this.lastEnded = { callId, at: this.deps.now(), origin: event.origin, externalId: event.externalId ?? null }
    this.deps.onPerformed('call-end', { type: 'call-ended', state })
    return { result: 'recorded', callId }
  }

  private endOpen(open: OpenCallInfo, origin: CallEventOrigin, note?: string): number {
    const state = this.deps.calls.end('integration', note)
    this.lastEnded = { callId: open.id, at: this.deps.now(), origin, externalId: open.externalId }
    this.openOrigin = null
    this.deps.onPerformed('call-end', { type: 'call-ended', state })
    return open.id
  }

  /** Same call: the same id, or (ids not comparable) reported within the duplicate window. */
  private isSameCall(open: OpenCallInfo, event: IngestEvent): boolean {
    if (this.idsMatch(open, event)) return true
    if (this.namesOtherCall(open, event)) return false
    return open.source === 'integration' && this.deps.now() - open.startedAt <= DUPLICATE_WINDOW_MS
  }

  private idsMatch(open: OpenCallInfo, event: IngestEvent): boolean {
    return Boolean(event.externalId && open.externalId === event.externalId)
  }

  /** Ids are only comparable between reports from one source. */
  private namesOtherCall(open: OpenCallInfo, event: IngestEvent): boolean {
    const origin = this.openOrigin?.callId === open.id ? this.openOrigin.origin : null
    return Boolean(
      event.externalId && open.externalId && open.externalId !== event.externalId && origin === event.origin,
    )
  }

  /** Whether `event` repeats the last end (or, for an answer, names the call just ended). */
  private isLastEnded(event: IngestEvent, isEnd: boolean): boolean {
    const last = this.lastEnded
    if (!last) return false
    if (event.externalId && last.externalId === event.externalId) return true
    if (!isEnd) return false
    const comparableIds = event.externalId && last.externalId && last.origin === event.origin
    return !comparableIds && this.deps.now() - last.at <= DUPLICATE_WINDOW_MS
  }

  /**
   * Removes and returns the ringing call `event` is about: the one with its id, or else the latest
   * one without an id from the same source (for an answer, from any source).
   */
  private takeRinging(event: IngestEvent, anySource: boolean): Ringing | undefined {
    let index = event.externalId ? this.ringing.findIndex((item) => item.externalId === event.externalId) : -1
    if (index < 0) {
      index = this.ringing.findLastIndex(
        (item) => (!item.externalId || !event.externalId) && (anySource || item.origin === event.origin),
      )
    }
    if (index < 0) return undefined
    return this.ringing.splice(index, 1)[0]
  }

  private forgetStaleRinging(): void {
    const since = this.deps.now() - RINGING_TTL_MS
    this.ringing = this.ringing.filter((item) => item.at >= since)
  }
}
