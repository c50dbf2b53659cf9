import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { BaresipConnector, type BaresipStatus } from '../../../electron/services/integrations/baresip-connector'
import { BaresipEventMapper } from '../../../electron/services/integrations/baresip-events'
import { decodeNetstrings, encodeNetstring } from '../../../electron/services/integrations/netstring'
import type { ExternalCallEvent } from '../../../shared/call-events'
import { waitFor } from '../../helpers/wait-for'

const baresip = (type: string, extra: Record<string, unknown> = {}) => ({
  event: true,
  type,
  class: 'call',
  accountaor: 'sip:agent@127.0.0.1',
  direction: 'incoming',
  peeruri: 'sip:0612345678@127.0.0.1:5061',
  id: 'c1',
  ...extra,
})

describe('BaresipEventMapper', () => {
  it('maps an answered and closed call', () => {
    const mapper = new BaresipEventMapper()
    expect(mapper.map(baresip('CALL_REMOTE_SDP'))).toBeNull()
    expect(mapper.map(baresip('CALL_ESTABLISHED'))).toEqual({
      type: 'answered',
      number: 'sip:0612345678@127.0.0.1:5061',
      direction: 'inbound',
      externalId: 'c1',
    })
    expect(mapper.map(baresip('CALL_CLOSED'))).toMatchObject({ type: 'ended', externalId: 'c1' })
  })

  it('calls a call closed while ringing failed, and maps outgoing calls', () => {
    const mapper = new BaresipEventMapper()
    expect(mapper.map(baresip('CALL_INCOMING'))).toMatchObject({ type: 'incoming', direction: 'inbound' })
    expect(mapper.map(baresip('CALL_CLOSED'))).toMatchObject({ type: 'failed' })
    expect(mapper.map(baresip('CALL_OUTGOING', { direction: 'outgoing', id: 'o1' }))).toMatchObject({
      type: 'incoming',
      direction: 'outbound',
    })
    expect(mapper.map(baresip('CALL_ESTABLISHED', { direction: 'outgoing', id: 'o1' }))).toMatchObject({
      type: 'answered',
      direction: 'outbound',
    })
    expect(mapper.map(baresip('CALL_CLOSED', { direction: 'outgoing', id: 'o1' }))).toMatchObject({ type: 'ended' })
  })

  it('ignores what is not a call event', () => {
    const mapper = new BaresipEventMapper()
    for (const message of [null, 1, 'x', {}, { event: false, type: 'CALL_CLOSED' }, { response: true, ok: true }]) {
      expect(mapper.map(message)).toBeNull()
    }
    expect(mapper.map({ event: true, type: 'REGISTER_OK', class: 'register' })).toBeNull()
  })
})

/** A stand-in for baresip's ctrl_tcp: a TCP server that can push frames and answer commands. */
async function fakeBaresip(port = 0) {
  const sockets = new Set<net.Socket>()
  const commands: unknown[] = []
  const server = net.createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('data', (chunk) => {
      const decoded = decodeNetstrings(chunk)
      if (!decoded.ok) return
      for (const frame of decoded.frames) {
        const command = JSON.parse(frame.toString()) as { token?: string }
        commands.push(command)
        socket.write(encodeNetstring(JSON.stringify({ response: true, ok: true, data: '', token: command.token })))
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  return {
    port: address.port,
    commands,
    push: (message: unknown) => {
      for (const socket of sockets) socket.write(encodeNetstring(JSON.stringify(message)))
    },
    pushRaw: (bytes: string) => {
      for (const socket of sockets) socket.write(bytes)
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

let connector: BaresipConnector | undefined
afterEach(() => connector?.stop())

describe('BaresipConnector', () => {
  it('passes call events on, sends commands, and reconnects after baresip restarts', async () => {
    let server = await fakeBaresip()
    const port = server.port
    const events: ExternalCallEvent[] = []
    const statuses: BaresipStatus[] = []
    connector = new BaresipConnector({
      host: '127.0.0.1',
      port,
      onEvent: (event) => events.push(event),
      onStatus: (status) => statuses.push(status),
      initialDelayMs: 20,
      maxDelayMs: 80,
    })
    connector.start()
    await waitFor('connector?.status === "connected"', () => connector?.status === 'connected')

    // One frame split across two writes.
    const frame = encodeNetstring(JSON.stringify(baresip('CALL_ESTABLISHED'))).toString()
    server.pushRaw(frame.slice(0, 10))
    server.pushRaw(frame.slice(10))
    await waitFor('events.length === 1', () => events.length === 1)
    expect(events[0]).toMatchObject({ type: 'answered', externalId: 'c1' })

    await expect(connector.command('hangup')).resolves.toMatchObject({ ok: true })
    expect(server.commands).toEqual([{ command: 'hangup', token: expect.any(String) }])

    await server.close()
    await waitFor('connector?.status === "disconnected"', () => connector?.status === 'disconnected')
    await new Promise((resolve) => setTimeout(resolve, 200))
    server = await fakeBaresip(port)
    await waitFor('connector?.status === "connected"', () => connector?.status === 'connected')
    server.push(baresip('CALL_CLOSED'))
    await waitFor('events.length === 2', () => events.length === 2)
    expect(events[1]).toMatchObject({ type: 'ended' })
    expect(statuses).toContain('disconnected')
    connector.stop()
    expect(connector.status).toBe('stopped')
    await server.close()
  })

  it('drops a connection that does not speak ctrl_tcp, and tries again', async () => {
    const server = await fakeBaresip()
    let connects = 0
    connector = new BaresipConnector({
      host: '127.0.0.1',
      port: server.port,
      onEvent: () => {},
      onStatus: (status) => status === 'connected' && connects++,
      initialDelayMs: 20,
    })
    connector.start()
    await waitFor('connects === 1', () => connects === 1)
    server.pushRaw('HTTP/1.1 200 OK\r\n')
    await waitFor('connects === 2', () => connects === 2)
    await server.close()
  })

  it('refuses a command while not connected', async () => {
    connector = new BaresipConnector({ host: '127.0.0.1', port: 1, onEvent: () => {}, initialDelayMs: 1000 })
    await expect(connector.command('hangup')).rejects.toThrow('not connected')
  })
})
