import { ref } from 'vue'
import type { ConnectionState } from '../../../renderer/src/api/ws-client'
import type { HostApi } from '../../../shared/api'
import type { Channel, HostEvent } from '../../../shared/channels'
import type { HostEventData, Response } from '../../../shared/contract'
import type { Result } from '../../../shared/result'

type Listener = (data: unknown) => void

/**
 * A host for store tests. Every request waits until the test answers it, and broadcasts are sent
 * by hand, so a test can put a broadcast between a request and its answer. Listeners are kept in a
 * list, as Electron's ipcRenderer keeps them: adding the same one twice calls it twice.
 */
export function createFakeHost() {
  const listeners = new Map<HostEvent, Listener[]>()
  const connection = ref<ConnectionState>('open')
  let requests: { channel: Channel; resolve: (result: Result<unknown>) => void }[] = []

  const api: HostApi = {
    invoke: ((channel: Channel) =>
      new Promise<Result<unknown>>((resolve) => requests.push({ channel, resolve }))) as HostApi['invoke'],
    on(event, listener) {
      const list = listeners.get(event) ?? []
      const entry = (data: unknown) => listener(data as never)
      list.push(entry)
      listeners.set(event, list)
      return () => {
        const at = list.indexOf(entry)
        if (at >= 0) list.splice(at, 1)
      }
    },
  }

  /** Answers the oldest (or newest) unanswered request on `channel`. */
  function respond(channel: Channel, result: Result<unknown>, newest = false): void {
    const index = newest
      ? requests.findLastIndex((request) => request.channel === channel)
      : requests.findIndex((request) => request.channel === channel)
    if (index < 0) throw new Error(`no request on ${channel} is waiting`)
    const [request] = requests.splice(index, 1)
    request?.resolve(result)
  }

  return {
    api,
    /** As the WebSocket client reports it: set it to 'lost', then 'open', for a reconnect. */
    connection,
    /** How many listeners `event` has. */
    listenerCount: (event: HostEvent) => listeners.get(event)?.length ?? 0,
    /** How many requests on `channel` wait for an answer. */
    waiting: (channel: Channel) => requests.filter((request) => request.channel === channel).length,
    broadcast<E extends HostEvent>(event: E, data: HostEventData<E>): void {
      for (const listener of [...(listeners.get(event) ?? [])]) listener(data)
    },
    answer<C extends Channel>(channel: C, value: Response<C>, which: 'oldest' | 'newest' = 'oldest'): void {
      respond(channel, { ok: true, value }, which === 'newest')
    },
    fail(channel: Channel): void {
      respond(channel, { ok: false, error: { code: 'unavailable', message: 'gone' } })
    },
    reset(): void {
      listeners.clear()
      requests = []
      connection.value = 'open'
    },
  }
}

/** The one fake host of a test file. */
export const fakeHost = createFakeHost()

/** What `vi.mock` puts in place of the renderer's api module (renderer/src/api/index.ts). */
export const fakeApiModule = { api: fakeHost.api, connection: fakeHost.connection }
