import type { ActionId } from '@shared/actions'
import type { CallEvent, CallListItem, CallState } from '@shared/calls'
import { UNDO_WINDOW_MS } from '@shared/limits'
import type { ActionOutcome } from '@shared/contract'
import { mergeEventKinds, type EventKind } from '@shared/event-kinds'
import type { AppErrorData } from '@shared/result'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { useDeckStore } from './deck'
import { subscription, syncedState } from './synced'

/** The confirmation (or refusal) shown after an action, with undo for a logged event. */
type FeedbackInput =
  { kind: 'done'; outcome: ActionOutcome; undoUntil: number | null } | { kind: 'error'; error: AppErrorData }
export type Feedback = FeedbackInput & { id: number }

/** The open call, its timeline, today's calls, and carrying out call actions through the host. */
export const useCallStore = defineStore('calls', () => {
  const state = ref<CallState>({ call: null, recent: [] })
  const feedback = ref<Feedback | null>(null)
  const busy = ref(false)
  /** The call that ended last, so its note can still be opened with one key. */
  const lastEndedCallId = ref<number | null>(null)
  const deck = useDeckStore()
  let feedbackId = 0
  let feedbackTimer: ReturnType<typeof setTimeout> | undefined

  const call = computed(() => state.value.call)
  const kinds = computed<EventKind[]>(() => mergeEventKinds(deck.state?.deck.eventKinds))
  const loggableKinds = computed(() => kinds.value.filter((kind) => kind.loggable))
  /** The last three events of the open call, newest last. */
  const recent = computed(() => state.value.recent.slice(-3))

  function kindLabel(kindId: string): string {
    const kind = kinds.value.find((item) => item.id === kindId)
    return kind ? deck.text(kind.label) : kindId
  }

  function apply(next: CallState): void {
    const previous = state.value.call
    const started = next.call && next.call.id !== previous?.id
    if (previous && next.call?.id !== previous.id) lastEndedCallId.value = previous.id
    state.value = next
    if (started) deck.goTo(0)
  }

  const sync = syncedState('calls:changed', () => api.invoke('calls:current', {}), apply)
  /** Actions carried out outside the window (global hotkey, softphone) are confirmed here too. */
  const performed = subscription('actions:performed', (data) => {
    if ('outcome' in data) show({ kind: 'done', outcome: data.outcome, undoUntil: undoDeadline(data.outcome) })
    else show({ kind: 'error', error: data.error })
  })

  function load(): Promise<void> {
    performed.start()
    return sync.load()
  }

  function unsubscribe(): void {
    sync.stop()
    performed.stop()
  }

  /** Carries out an action in the host; the confirmation appears once it is committed. */
  /** The latest action sent to the host, so what follows a quick key press can wait for it. */
  let lastAction: Promise<unknown> = Promise.resolve()

  /** Resolves once every action sent so far has been answered (e.g. "C" then "N" at once). */
  function settled(): Promise<unknown> {
    return lastAction
  }

  async function perform(action: ActionId, text?: string): Promise<boolean> {
    busy.value = true
    const request = api.invoke('actions:perform', text === undefined ? { action } : { action, text })
    lastAction = request
    const result = await request
    busy.value = false
    if (!result.ok) {
      show({ kind: 'error', error: result.error })
      return false
    }
    const outcome = result.value
    if (outcome.type === 'call-started' || outcome.type === 'call-ended') apply(outcome.state)
    show({ kind: 'done', outcome, undoUntil: undoDeadline(outcome) })
    return true
  }

  async function undo(event: CallEvent): Promise<void> {
    const result = await api.invoke('events:undo', { eventId: event.id })
    if (result.ok) show({ kind: 'done', outcome: { type: 'undone', event: result.value }, undoUntil: null })
    else show({ kind: 'error', error: result.error })
  }

  async function list(from: number, to: number, hardOnly: boolean): Promise<CallListItem[]> {
    const result = await api.invoke('calls:list', { from, to, hardOnly })
    return result.ok ? result.value : []
  }

  async function timeline(callId: number): Promise<CallEvent[]> {
    const result = await api.invoke('calls:timeline', { callId })
    return result.ok ? result.value.events : []
  }

  /** Pins a call ("keep this incident") or unpins it; the pin as now stored, or null if refused. */
  async function pin(callId: number, pinned: boolean): Promise<boolean | null> {
    const result = await api.invoke('calls:pin', { callId, pinned })
    return result.ok ? result.value.pinned : null
  }

  /** Whether a call is pinned, or null if it cannot be read. */
  async function pinned(callId: number): Promise<boolean | null> {
    const result = await api.invoke('calls:timeline', { callId })
    return result.ok ? result.value.call.pinned : null
  }

  function show(next: FeedbackInput): void {
    feedback.value = { ...next, id: ++feedbackId }
    clearTimeout(feedbackTimer)
    feedbackTimer = setTimeout(() => (feedback.value = null), next.kind === 'error' ? 6000 : UNDO_WINDOW_MS)
  }

  function dismiss(): void {
    feedback.value = null
  }

  /** Confirms an event logged elsewhere in the window (the live cues), with its undo. */
  function confirmLogged(event: CallEvent): void {
    show({ kind: 'done', outcome: { type: 'logged', event }, undoUntil: event.at + UNDO_WINDOW_MS })
  }

  return {
    state,
    call,
    lastEndedCallId,
    recent,
    kinds,
    loggableKinds,
    feedback,
    busy,
    kindLabel,
    load,
    unsubscribe,
    perform,
    settled,
    undo,
    list,
    timeline,
    pin,
    pinned,
    dismiss,
    confirmLogged,
  }
})

function undoDeadline(outcome: ActionOutcome): number | null {
  return outcome.type === 'logged' ? outcome.event.at + UNDO_WINDOW_MS : null
}
