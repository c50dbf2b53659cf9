import type { DaySummary, RecoveryState } from '@shared/recovery'
import type { AppErrorData } from '@shared/result'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { useDeckStore } from './deck'
import { useSettingsStore } from './settings'
import { syncedState } from './synced'

/** The recovery break: offered after a hard call, counting down, paused, or over. */
export const useRecoveryStore = defineStore('recovery', () => {
  const state = ref<RecoveryState | null>(null)
  /** When this window received `state`: the countdown runs from the host's figure, not its clock. */
  const receivedAt = ref(Date.now())
  const error = ref<AppErrorData | null>(null)
  const deck = useDeckStore()
  const settings = useSettingsStore()

  const offered = computed(() => state.value?.status === 'offered')
  /** A break is under way: the countdown takes the place of the card. */
  const active = computed(() => state.value?.status === 'running' || state.value?.status === 'paused')

  function apply(next: RecoveryState | null): void {
    const before = state.value
    state.value = next
    receivedAt.value = Date.now()
    if (next?.status === 'offered' && before?.id !== next.id) showRecoverCard()
    if (next?.status === 'finished' && before?.id === next.id && before.status === 'running') chime()
  }

  /** The deck's Recover card, if it has one, is where the offer is made. */
  function showRecoverCard(): void {
    const index = deck.phases.findIndex((card) => card.id === 'recover')
    if (index >= 0) deck.goTo(index)
  }

  /** A soft two-note chime, made on the spot (no sound file), if the agent wants one. */
  function chime(): void {
    if (!settings.settings.recoverySound || typeof AudioContext === 'undefined') return
    const context = new AudioContext()
    for (const [index, frequency] of [523.25, 659.25].entries()) {
      const oscillator = context.createOscillator()
      const gain = context.createGain()
      const start = context.currentTime + index * 0.35
      oscillator.frequency.value = frequency
      gain.gain.setValueAtTime(0, start)
      gain.gain.linearRampToValueAtTime(0.12, start + 0.05)
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 1.2)
      oscillator.connect(gain).connect(context.destination)
      oscillator.start(start)
      oscillator.stop(start + 1.3)
    }
    setTimeout(() => void context.close(), 2500)
  }

  const sync = syncedState('recovery:changed', () => api.invoke('recovery:current', {}), apply)

  async function run(request: Promise<{ ok: true; value: RecoveryState | null } | { ok: false; error: AppErrorData }>) {
    const result = await request
    if (result.ok) {
      apply(result.value)
      error.value = null
    } else {
      error.value = result.error
    }
  }

  const start = (minutes?: number) => run(api.invoke('recovery:start', minutes === undefined ? {} : { minutes }))
  const decline = () => run(api.invoke('recovery:decline', {}))
  const pause = () => run(api.invoke('recovery:pause', {}))
  const resume = () => run(api.invoke('recovery:resume', {}))
  const extend = () => run(api.invoke('recovery:extend', { minutes: 1 }))
  const end = () => run(api.invoke('recovery:end', {}))

  async function day(from: number, to: number): Promise<DaySummary | null> {
    const result = await api.invoke('day:summary', { from, to })
    return result.ok ? result.value : null
  }

  /** Time left at `now`: the host's figure, minus what has passed here since it arrived. */
  function remainingAt(now: number): number {
    const current = state.value
    if (!current) return 0
    return current.status === 'running'
      ? Math.max(0, current.remainingMs - (now - receivedAt.value))
      : current.remainingMs
  }

  return {
    state,
    error,
    offered,
    remainingAt,
    active,
    load: sync.load,
    unsubscribe: sync.stop,
    apply,
    start,
    decline,
    pause,
    resume,
    extend,
    end,
    day,
  }
})
