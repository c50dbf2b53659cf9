import type { HotkeyStatus } from '@shared/contract'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { syncedState } from './synced'

/** Which global hotkeys are bound, and which ones another program holds. */
export const useHotkeyStore = defineStore('hotkeys', () => {
  const status = ref<HotkeyStatus>({ available: false, bindings: [] })
  const failed = computed(() => (status.value.available ? status.value.bindings.filter((b) => !b.registered) : []))

  const sync = syncedState(
    'hotkeys:changed',
    () => api.invoke('hotkeys:status', {}),
    (value) => (status.value = value),
  )

  function acceleratorFor(action: string): string | null {
    return status.value.bindings.find((binding) => binding.action === action)?.accelerator ?? null
  }

  return { status, failed, load: sync.load, unsubscribe: sync.stop, acceleratorFor }
})
