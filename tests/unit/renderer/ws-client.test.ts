import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { WebSocket as NodeWebSocket, WebSocketServer } from 'ws'
import { createWebSocketApi, type ConnectionState } from '../../../renderer/src/api/ws-client'
import { freePort } from '../../helpers/free-port'

/** `ws` as the page's WebSocket: a refused connection is an event there, as in a browser. */
class PageWebSocket extends NodeWebSocket {
  constructor(url: string) {
    super(url)
    this.on('error', () => {})
  }
}

let server: WebSocketServer | null = null

beforeAll(() => {
  ;(globalThis as { WebSocket?: unknown }).WebSocket = PageWebSocket
})

afterEach(async () => {
  for (const client of server?.clients ?? []) client.terminate()
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()))
  server = null
})

describe('the web host bridge client', () => {
  it('stays "lost" through its retries until the host answers, then sends what waited', async () => {
    const port = await freePort()
    const states: ConnectionState[] = []
    const api = createWebSocketApi(
      () => Promise.resolve(`ws://127.0.0.1:${port}/bridge`),
      (state) => states.push(state),
    )
    const answer = api.invoke('settings:get', {})
    // Refused at first, then retried (after 250 ms, then 500 ms): lost all along, never "connecting".
    await vi.waitFor(() => expect(states.filter((state) => state === 'lost').length).toBeGreaterThanOrEqual(3), {
      timeout: 15_000,
    })
    expect(states[0]).toBe('connecting')
    expect(states.slice(1).every((state) => state === 'lost')).toBe(true)

    server = new WebSocketServer({ host: '127.0.0.1', port })
    server.on('connection', (socket) =>
      socket.on('message', (raw) => {
        const request = JSON.parse(String(raw)) as { id: number; channel: string }
        socket.send(JSON.stringify({ id: request.id, result: { ok: true, value: request.channel } }))
      }),
    )
    expect(await answer).toEqual({ ok: true, value: 'settings:get' })
    expect(states.at(-1)).toBe('open')
  })
})
