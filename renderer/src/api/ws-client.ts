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
 * answers come back by id. It reconnects by itself; requests made while disconnected wait for the
 * connection, and requests in flight when it drops are answered `unavailable`.
 */
export function createWebSocketApi(url: string, onState: (state: ConnectionState) => void): HostApi {
  let socket: WebSocket | null = null
  let nextId = 1
  let retryMs = 250
  const pending = new Map<number, Pending>()
  /** Requests not yet sent, by id. */
  const queue = new Map<number, string>()
  /** Requests sent on the current socket, still unanswered. */
  const inFlight = new Set<number>()
  const listeners = new Map<HostEvent, Set<Listener>>()

  function connect(): void {
    onState('connecting')
    const ws = new WebSocket(url)
    socket = ws
    ws.onopen = () => {
      retryMs = 250
      onState('open')
      for (const [id, text] of queue) transmit(ws, id, text)
      queue.clear()
    }
    ws.onmessage = (message) => receive(String(message.data))
    ws.onclose = () => {
      socket = null
      onState('lost')
      for (const id of inFlight) {
        pending.get(id)?.(unavailable)
        pending.delete(id)
      }
      inFlight.clear()
      setTimeout(connect, retryMs)
      retryMs = Math.min(retryMs * 2, 4000)
    }
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

  connect()

  return {
    invoke(channel, request) {
      const id = nextId++
      const text = JSON.stringify({ id, channel, payload: request })
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending)
        if (socket?.readyState === WebSocket.OPEN) transmit(socket, id, text)
        else queue.set(id, text)
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
