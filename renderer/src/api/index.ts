import type { HostApi } from '@shared/api'
import { ref } from 'vue'
import { createWebSocketApi, type ConnectionState } from './ws-client'

/** Whether the host can be reached. Always 'open' in Electron, where IPC cannot drop. */
export const connection = ref<ConnectionState>('open')

const TOKEN_META = /<meta name="calmdeck-bridge" content="([^"]*)"/

/**
 * The bridge address with this run's token: from the page at first, and fetched afresh from the
 * host before a reconnect, since a restarted host has a new token (only our own origin can read it).
 */
async function bridgeUrl(reconnect: boolean): Promise<string> {
  let token = document.querySelector<HTMLMetaElement>('meta[name="calmdeck-bridge"]')?.content ?? ''
  if (reconnect) {
    const page = await fetch('/', { cache: 'no-store' })
    token = TOKEN_META.exec(await page.text())?.[1] ?? ''
  }
  return `ws://${location.host}/bridge?token=${encodeURIComponent(token)}`
}

function webSocketApi(): HostApi {
  return createWebSocketApi(bridgeUrl, (state) => (connection.value = state))
}

/** The host, whichever it is: the Electron preload's api, or the web host over a WebSocket. */
export const api: HostApi = window.calmdeck ?? webSocketApi()
