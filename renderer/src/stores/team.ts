import type { AppErrorData } from '@shared/result'
import type { TeamChannelKind } from '@shared/team-kinds'
import type { TeamState } from '@shared/team'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api } from '../api'
import { syncedState } from './synced'

/** The team channel (URL masked by the host), the latest help request and what failed to send. */
export const useTeamStore = defineStore('team', () => {
  const state = ref<TeamState>({ endpoint: null, help: null, test: null, failed: [], pending: 0 })
  const error = ref<AppErrorData | null>(null)

  const sync = syncedState(
    'team:changed',
    () => api.invoke('team:state', {}),
    (value) => (state.value = value),
  )

  async function call<T>(request: Promise<{ ok: true; value: T } | { ok: false; error: AppErrorData }>) {
    const result = await request
    error.value = result.ok ? null : result.error
    return result.ok ? result.value : null
  }

  /** "Ask for help" from the form: the line typed and, if ticked, the note. */
  async function requestHelp(text: string, includeNote: boolean): Promise<boolean> {
    const item = await call(api.invoke('team:help', { text, includeNote }))
    if (item) state.value = { ...state.value, help: item }
    return item !== null
  }

  async function setEndpoint(kind: TeamChannelKind | null, url: string, secret?: string): Promise<boolean> {
    const request = kind === null ? { kind } : { kind, url, ...(secret === undefined ? {} : { secret }) }
    const next = await call(api.invoke('team:set-endpoint', request))
    if (next) state.value = next
    return next !== null
  }

  async function sendTest(): Promise<void> {
    const item = await call(api.invoke('team:test', {}))
    if (item) state.value = { ...state.value, test: item }
  }

  async function retry(id: number): Promise<void> {
    const next = await call(api.invoke('team:retry', { id }))
    if (next) state.value = next
  }

  async function drop(id: number): Promise<void> {
    const next = await call(api.invoke('team:drop', { id }))
    if (next) state.value = next
  }

  return { state, error, load: sync.load, unsubscribe: sync.stop, requestHelp, setEndpoint, sendTest, retry, drop }
})
