import type { HostApi } from '@shared/api'
import type { HostEvent } from '@shared/channels'
import type { Result } from '@shared/result'

type Pending = (result: Result<unknown>) => void
type Listener = (data: unknown) => void
export type ConnectionState = 'connecting' | 'open' | 'lost'

const unavailable: Result<never> = {
  ok: false,
  error: { code: 'unavailable', message: 'CalmDeck is not reachable. Your change may not have been saved.' },
}

/**
 * The web host's side of the api: requests go as `{ id, channel, payload }` over a WebSocket and
 * answers come back by id. It reconnects by itself. Requests made before the first connection wait
 * for it; once the host has been reached, a request made while it is gone, or in flight when the
 * connection drops, is answered `unavailable` at once, so callers can say so and retry.
 */
export function createWebSocketApi(
  /** The bridge's address; asked again before every reconnect (a restarted host has a new token). */
  url: (reconnect: boolean) => Promise<string>,
  onState: (state: ConnectionState) => void,
): HostApi {
  let socket: WebSocket | null = null
  let nextId = 1
  let retryMs = 250
  let everOpened = false
  const pending = new Map<number, Pending>()
  /** Requests not yet sent, by id. */
  const queue = new Map<number, string>()
  /** Requests sent on the current socket, still unanswered. */
  const inFlight = new Set<number>()
  const listeners = new Map<HostEvent, Set<Listener>>()

  async function connect(reconnect: boolean): Promise<void> {
    // Once lost, it stays lost until a connection opens: each retry must not hide it for a moment.
    if (!reconnect) onState('connecting')
    let address: string
    try {
      address = await url(reconnect)
    } catch {
      retryLater()
      return
    }
    const ws = new WebSocket(address)
    socket = ws
    ws.onopen = () => {
      everOpened = true
      retryMs = 250
      onState('open')
      for (const [id, text] of queue) transmit(ws, id, text)
      queue.clear()
    }
    ws.onmessage = (message) => receive(String(message.data))
    ws.onclose = () => {
      socket = null
      for (const id of inFlight) {
        pending.get(id)?.(unavailable)
        pending.delete(id)
      }
      inFlight.clear()
      retryLater()
    }
  }

  function retryLater(): void {
    onState('lost')
    setTimeout(() => void connect(true), retryMs)
    // The host is on this machine: retry soon, so a restarted host is back in about a second.
    retryMs = Math.min(retryMs * 2, 1000)
  }

  function transmit(ws: WebSocket, id: number, text: string): void {
    inFlight.add(id)
    ws.send(text)
  }

  function receive(text: string): void {
    let message: { id?: unknown; result?: Result<unknown>; event?: HostEvent; data?: unknown }
    try {
      message = JSON.parse(text) as typeof message
    } catch {
      return
    }
    if (typeof message.id === 'number' && message.result) {
      pending.get(message.id)?.(message.result)
      pending.delete(message.id)
      inFlight.delete(message.id)
    } else if (message.event) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.data)
    }
  }

  void connect(false)

  return {
    invoke(channel, request) {
      const id = nextId++
      const text = JSON.stringify({ id, channel, payload: request })
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending)
        if (socket?.readyState === WebSocket.OPEN) transmit(socket, id, text)
        else if (!everOpened) queue.set(id, text)
        else {
          pending.delete(id)
          resolve(unavailable as Result<never>)
        }
      })
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set<Listener>()
      set.add(listener as Listener)
      listeners.set(event, set)
      return () => set.delete(listener as Listener)
    },
  }
}
