import { DELETE_ALL_CONFIRMATION, type PersonalDataCounts } from '@shared/personal-data'
import type { AppErrorData, Result } from '@shared/result'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'

/** Settings → Your data: export all, import into an empty CalmDeck, delete all. */
export const usePersonalDataStore = defineStore('personal-data', () => {
  const working = ref(false)
  const error = ref<AppErrorData | null>(null)
  /** The last action taken: only its outcome is shown. */
  const last = ref<'export' | 'import' | 'delete' | null>(null)

  async function run<T>(action: 'export' | 'import' | 'delete', work: () => Promise<Result<T>>): Promise<T | null> {
    last.value = action
    working.value = true
    error.value = null
    try {
      const result = await work()
      if (result.ok) return result.value
      error.value = result.error
      return null
    } finally {
      working.value = false
    }
  }

  /** The whole history as a file to save, or null (see `error`). */
  function exportAll(): Promise<{ fileName: string; text: string } | null> {
    return run('export', () => api.invoke('data:export', {}))
  }

  function importAll(text: string): Promise<PersonalDataCounts | null> {
    return run('import', () => api.invoke('data:import', { text }))
  }

  /** Call only after the agent typed the confirmation word. */
  function deleteAll(): Promise<PersonalDataCounts | null> {
    return run('delete', () => api.invoke('data:delete-all', { confirm: DELETE_ALL_CONFIRMATION }))
  }

  return { working, error, last, exportAll, importAll, deleteAll }
})
