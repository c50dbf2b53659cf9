import type { CallCueFigures, CueKind, CueSignal } from '@shared/cues/engine'
import type { CueSummary } from '@shared/cues/figures'
import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { api } from '../api'
import { startCapture, type Capture, type CallerSource } from '../cues/capture'
import { loadCueWorklet } from '../cues/worklet-loader'
import { useCallStore } from './calls'
import { useDeckStore } from './deck'
import { useHostStore } from './host'
import { useRecoveryStore } from './recovery'
import { useSettingsStore } from './settings'

/** How long a cue stays on screen unless another replaces it or the agent hides it. */
const CUE_SHOWN_MS = 8_000

/** The card a raised voice points to: the deck's calm card, else its listen card, else its first. */
const CALM_CARDS = ['calm', 'listen']

/**
 * Live call cues in the window: opens the two streams when a call starts (cues on, no break),
 * closes them when it ends and stores the figures, shows one calm cue at a time, logs the caller's
 * raised voice and moves (or offers) the calm card. Nothing is captured outside a call.
 */
export const useCuesStore = defineStore('cues', () => {
  const settings = useSettingsStore()
  const calls = useCallStore()
  const deck = useDeckStore()
  const host = useHostStore()
  const recovery = useRecoveryStore()

  /** A stream is open: the "Listening to levels" mark shows. */
  const listening = ref(false)
  const paused = ref(false)
  const hearsCaller = ref(false)
  const cue = ref<{ kind: CueKind; id: number } | null>(null)
  /** The calm card is offered (not moved to): one key or click takes it. */
  const offer = ref(false)
  const moved = ref(false)
  const callerSilent = ref(false)
  const micFailed = ref(false)
  let capture: Capture | null = null
  let captureCallId: number | null = null
  let starting: Promise<void> | null = null
  let cueTimer: ReturnType<typeof setTimeout> | undefined
  let cueId = 0

  const enabledKinds = computed<CueKind[]>(() => {
    const s = settings.settings
    const kinds: [CueKind, boolean][] = [
      ['let-them-finish', s.cueLetThemFinish],
      ['keep-level', s.cueKeepLevel],
      ['caller-raised', s.cueCallerRaised],
      ['venting', s.cueVenting],
    ]
    return kinds.filter(([, on]) => on).map(([kind]) => kind)
  })

  const callerSource = computed<CallerSource>(() => {
    const chosen = settings.settings.cuesCaller
    if (host.isDesktop && chosen === '') return { kind: 'loopback' }
    return chosen ? { kind: 'device', label: chosen } : { kind: 'none' }
  })

  /** Listening is wanted: cues on (and not locked off), a call open, no break running. */
  const wanted = computed(() => settings.settings.cuesEnabled && calls.call !== null && !recovery.active)

  function calmIndex(): number {
    for (const id of CALM_CARDS) {
      const index = deck.phases.findIndex((card) => card.id === id)
      if (index >= 0) return index
    }
    return 0
  }

  function show(kind: CueKind): void {
    cue.value = { kind, id: ++cueId }
    clearTimeout(cueTimer)
    cueTimer = setTimeout(() => {
      cue.value = null
      offer.value = false
      moved.value = false
    }, CUE_SHOWN_MS)
  }

  function hide(): void {
    clearTimeout(cueTimer)
    cue.value = null
    offer.value = false
    moved.value = false
  }

  /** Takes the offered card. */
  function follow(): void {
    if (!offer.value) return
    deck.closeEscalation()
    deck.goTo(calmIndex())
    offer.value = false
    moved.value = true
  }

  async function onSignal(signal: CueSignal, callId: number): Promise<void> {
    if (signal.type === 'caller-silent') return void (callerSilent.value = true)
    if (signal.type === 'caller-heard') return void (callerSilent.value = false)
    if (paused.value || recovery.active) return
    show(signal.kind)
    if (signal.kind !== 'caller-raised') return
    if (settings.settings.cuesFollowCall) {
      offer.value = true
      follow()
    } else {
      offer.value = true
      moved.value = false
    }
    const result = await api.invoke('cues:caller-raised', { callId })
    if (result.ok) calls.confirmLogged(result.value)
  }

  async function open(callId: number): Promise<void> {
    paused.value = false
    callerSilent.value = false
    micFailed.value = false
    try {
      // A device chosen a moment before the call is the one opened.
      await settings.settled()
      const opened = await startCapture(
        {
          micLabel: settings.settings.cuesMic,
          caller: callerSource.value,
          enabled: enabledKinds.value,
          onSignal: (signal) => void onSignal(signal, callId),
        },
        loadCueWorklet,
      )
      // The call ended (or cues were turned off) while the streams opened: close them at once.
      if (!wanted.value || calls.call?.id !== callId) {
        await opened.stop()
        return
      }
      capture = opened
      captureCallId = callId
      hearsCaller.value = opened.hearsCaller
      listening.value = true
    } catch (error) {
      console.warn('cues: could not start', error)
      micFailed.value = true
    }
  }

  async function close(): Promise<void> {
    const closing = capture
    const callId = captureCallId
    capture = null
    captureCallId = null
    listening.value = false
    hide()
    callerSilent.value = false
    if (!closing || callId === null) return
    const figures: CallCueFigures | null = await closing.stop()
    if (figures && figures.durationMs > 0) await api.invoke('cues:save', { callId, figures })
  }

  /** Opens or closes the streams as calls start and end; one change at a time. */
  function reconcile(): void {
    const run = async () => {
      await starting
      const callId = wanted.value ? (calls.call?.id ?? null) : null
      if (captureCallId !== null && captureCallId !== callId) await close()
      if (callId !== null && captureCallId === null && !micFailed.value) await open(callId)
    }
    starting = run()
  }

  watch(
    () => [wanted.value, calls.call?.id] as const,
    ([, id], previous) => {
      if (previous && previous[1] !== id) micFailed.value = false
      reconcile()
    },
    { immediate: true },
  )

  function pause(): void {
    if (!capture) return
    paused.value = true
    capture.pause()
    hide()
  }

  /** For the window's last moments: close the streams now. */
  function dispose(): Promise<void> {
    return close()
  }

  async function summary(from: number, to: number): Promise<CueSummary | null> {
    const result = await api.invoke('cues:summary', { from, to })
    return result.ok ? result.value : null
  }

  async function figuresFor(callId: number): Promise<CallCueFigures | null> {
    const result = await api.invoke('cues:for-call', { callId })
    return result.ok ? result.value : null
  }

  return {
    listening,
    paused,
    hearsCaller,
    cue,
    offer,
    moved,
    callerSilent,
    micFailed,
    enabledKinds,
    pause,
    follow,
    hide,
    dispose,
    figuresFor,
    summary,
  }
})
