import { DELETE_ALL_CONFIRMATION, IMPORT_CHUNK_CHARS, type PersonalDataCounts } from '@shared/personal-data'
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

  /**
   * Sends the file in pieces (a year's file is larger than one message to the web host may be),
   * in both hosts alike; the host imports it only once the whole file arrived.
   */
  function importAll(text: string): Promise<PersonalDataCounts | null> {
    return run('import', async () => {
      const begun = await api.invoke('data:import-begin', { size: text.length })
      if (!begun.ok) return begun
      const { uploadId } = begun.value
      for (let index = 0; index * IMPORT_CHUNK_CHARS < text.length; index++) {
        const piece = text.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS)
        const sent = await api.invoke('data:import-chunk', { uploadId, index, text: piece })
        if (!sent.ok) return sent
      }
      return api.invoke('data:import-commit', { uploadId })
    })
  }

  /** Call only after the agent typed the confirmation word. */
  function deleteAll(): Promise<PersonalDataCounts | null> {
    return run('delete', () => api.invoke('data:delete-all', { confirm: DELETE_ALL_CONFIRMATION }))
  }

  return { working, error, last, exportAll, importAll, deleteAll }
})
