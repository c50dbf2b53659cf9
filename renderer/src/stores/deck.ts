import type { DeckState } from '@shared/contract'
import type { Card } from '@shared/deck'
import { pickText } from '@shared/locales'
import type { AppErrorData } from '@shared/result'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { useSettingsStore } from './settings'
import { syncedState } from './synced'

/** The active deck, where the agent is in it, and which escalation card (if any) is open. */
export const useDeckStore = defineStore('deck', () => {
  const state = ref<DeckState | null>(null)
  const index = ref(0)
  const escalationId = ref<string | null>(null)
  const lastImportError = ref<AppErrorData | null>(null)
  const settings = useSettingsStore()

  const phases = computed<Card[]>(() => state.value?.deck.cards.filter((card) => card.kind === 'phase') ?? [])
  const escalations = computed<Card[]>(() => state.value?.deck.cards.filter((card) => card.kind === 'escalation') ?? [])
  const phase = computed<Card | null>(() => phases.value[index.value] ?? null)
  const escalation = computed<Card | null>(
    () => escalations.value.find((card) => card.id === escalationId.value) ?? null,
  )
  /** The card on screen: an open escalation card covers the current phase. */
  const current = computed<Card | null>(() => escalation.value ?? phase.value)

  /** A deck text in the user's language, falling back to the deck's own default language. */
  function text(value: Readonly<Record<string, string>>): string {
    return pickText(value, settings.locale, state.value?.deck.defaultLocale ?? 'en')
  }

  function apply(next: DeckState): void {
    const changed = next.deck.id !== state.value?.deck.id || next.importedAt !== state.value?.importedAt
    state.value = next
    if (changed) {
      index.value = 0
      escalationId.value = null
    }
  }

  const sync = syncedState('deck:changed', () => api.invoke('deck:get', {}), apply)

  /** With an escalation card open, Next and Back first return to the phase the agent was in. */
  function next(): void {
    if (closeEscalation()) return
    index.value = Math.min(index.value + 1, phases.value.length - 1)
  }

  function previous(): void {
    if (closeEscalation()) return
    index.value = Math.max(index.value - 1, 0)
  }

  function goTo(position: number): void {
    escalationId.value = null
    index.value = Math.max(0, Math.min(position, phases.value.length - 1))
  }

  /** Opens the escalation card with this id; opening the open one again closes it. */
  function toggleEscalation(id: string): void {
    escalationId.value = escalationId.value === id ? null : id
  }

  /** Closes the open escalation card; true if one was open. */
  function closeEscalation(): boolean {
    const wasOpen = escalationId.value !== null
    escalationId.value = null
    return wasOpen
  }

  async function importFile(fileText: string): Promise<boolean> {
    const result = await api.invoke('deck:import', { text: fileText })
    if (!result.ok) {
      lastImportError.value = result.error
      return false
    }
    lastImportError.value = null
    apply(result.value)
    return true
  }

  async function exportFile(): Promise<{ fileName: string; text: string } | null> {
    const result = await api.invoke('deck:export', {})
    return result.ok ? result.value : null
  }

  async function reset(): Promise<void> {
    const result = await api.invoke('deck:reset', {})
    if (result.ok) apply(result.value)
  }

  return {
    state,
    index,
    phases,
    escalations,
    phase,
    escalation,
    current,
    lastImportError,
    text,
    load: sync.load,
    unsubscribe: sync.stop,
    next,
    previous,
    goTo,
    toggleEscalation,
    closeEscalation,
    importFile,
    exportFile,
    reset,
  }
})
