import type { BackupStateData } from '@shared/backups'
import type { AppErrorData } from '@shared/result'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api } from '../api'
import { syncedState } from './synced'

/** The backups in the data folder, whether the last one failed, and "Back up now". */
export const useBackupStore = defineStore('backups', () => {
  const state = ref<BackupStateData>({ backups: [], running: false, failure: null })
  const error = ref<AppErrorData | null>(null)
  const working = ref(false)
  const newest = computed(() => state.value.backups[0] ?? null)

  const sync = syncedState(
    'backups:changed',
    () => api.invoke('backups:state', {}),
    (value) => (state.value = value),
  )

  /** Resolves once the backup is written and checked (true) or refused (false, see `error`). */
  async function backupNow(): Promise<boolean> {
    working.value = true
    const result = await api.invoke('backups:create', {})
    working.value = false
    if (result.ok) {
      state.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
    return result.ok
  }

  /**
   * "Restore this backup": what is typed is saved first; once the host has restored it, the
   * window starts over (on `app:restored`). False with `error` when it was refused.
   */
  async function restore(name: string, saveFirst: () => Promise<unknown>): Promise<boolean> {
    working.value = true
    await saveFirst()
    const result = await api.invoke('backups:restore', { name })
    working.value = false
    error.value = result.ok ? null : result.error
    return result.ok
  }

  return { state, error, working, newest, load: sync.load, unsubscribe: sync.stop, backupNow, restore }
})
