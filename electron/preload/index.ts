import { contextBridge, ipcRenderer } from 'electron'
import { API_GLOBAL, type HostApi } from '../../shared/api'
import { hostEvents, isChannel, type HostEvent } from '../../shared/channels'
import type { Result } from '../../shared/result'

const refused: Result<never> = {
  ok: false,
  error: { code: 'unknown-channel', message: 'This request is not known to CalmDeck.' },
}

/**
 * The only thing the page gets: `invoke` for the contract's channels and `on` for host events.
 * No raw ipcRenderer, and channel names are checked here before anything is sent.
 */
const api: HostApi = {
  invoke: ((channel: unknown, request: unknown) => {
    if (!isChannel(channel)) return Promise.resolve(refused)
    return ipcRenderer.invoke(channel, request)
  }) as HostApi['invoke'],
  on(event, listener) {
    if (!(hostEvents as readonly string[]).includes(event)) return () => {}
    const wrapped = (_event: Electron.IpcRendererEvent, data: unknown) => listener(data as never)
    ipcRenderer.on(event as HostEvent, wrapped)
    return () => ipcRenderer.removeListener(event, wrapped)
  },
}

contextBridge.exposeInMainWorld(API_GLOBAL, api)
