import type { MicAnswer, MicState } from '@shared/mic'
import type { AppErrorData } from '@shared/result'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { syncedState } from './synced'

/** The microphone source: whether it observes, and the question it asks ("Is it your phone?"). */
export const useMicStore = defineStore('mic', () => {
  const state = ref<MicState>({ status: 'off', prompt: null, active: [] })
  const error = ref<AppErrorData | null>(null)

  const sync = syncedState(
    'mic:changed',
    () => api.invoke('mic:state', {}),
    (value) => (state.value = value),
  )

  async function answer(request: MicAnswer): Promise<void> {
    const result = await api.invoke('mic:answer', request)
    if (result.ok) {
      state.value = result.value
      error.value = null
    } else {
      error.value = result.error
    }
  }

  return { state, error, load: sync.load, unsubscribe: sync.stop, answer }
})
