import type { HostApi } from '@shared/api'
import { ref } from 'vue'
import { createWebSocketApi, type ConnectionState } from './ws-client'

/** Whether the host can be reached. Always 'open' in Electron, where IPC cannot drop. */
export const connection = ref<ConnectionState>('open')

function webSocketApi(): HostApi {
  const token = document.querySelector<HTMLMetaElement>('meta[name="calmdeck-bridge"]')?.content ?? ''
  const url = `ws://${location.host}/bridge?token=${encodeURIComponent(token)}`
  return createWebSocketApi(url, (state) => (connection.value = state))
}

/** The host, whichever it is: the Electron preload's api, or the web host over a WebSocket. */
export const api: HostApi = window.calmdeck ?? webSocketApi()
