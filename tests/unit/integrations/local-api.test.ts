import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExternalCallEvent, IngestOutcome } from '../../../shared/call-events'
import { AppError } from '../../../shared/result'
import { MAX_BODY_BYTES, startLocalApi, type LocalApi } from '../../../electron/services/integrations/local-api'
import { PORT_FILE, readConnection, TOKEN_FILE } from '../../../electron/services/integrations/local-api-files'
import { tempDir } from '../../helpers/temp-dir'

let dir: string
let cleanup: () => void
let api: LocalApi
let received: ExternalCallEvent[]
let refuse: AppError | null

beforeEach(async () => {
  ;({ dir, cleanup } = tempDir())
  received = []
  refuse = null
  api = await startLocalApi({
    dataDir: dir,
    port: 0,
    receive: (event): IngestOutcome => {
      if (refuse) throw refuse
      received.push(event)
      return { result: 'started', callId: 1 }
    },
  })
})
afterEach(async () => {
  await api.close()
  cleanup()
})

const token = () => fs.readFileSync(path.join(dir, TOKEN_FILE), 'utf8').trim()

interface Answer {
  status: number
  json: { ok: boolean; error?: { code: string; message: string }; outcome?: unknown }
}

/** A raw request, so tests control every header and byte. */
function request(
  options: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: api.port,
        method: options.method ?? 'POST',
        path: options.path ?? '/v1/events',
        headers: { Authorization: `Bearer ${token()}`, ...options.headers },
        agent: false,
      },
      (res) => {
        let text = ''
        res.on('data', (chunk: Buffer) => (text += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Answer['json'] }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('local API', () => {
  it('takes an event with the right token', async () => {
    const answer = await request({ body: JSON.stringify({ type: 'answered', number: '0612345678', id: 'c1' }) })
    expect(answer).toEqual({ status: 200, json: { ok: true, outcome: { result: 'started', callId: 1 } } })
    expect(received).toEqual([{ type: 'answered', number: '0612345678', externalId: 'c1' }])
  })

  it('keeps the token in a file only the user can read, and the port beside it', () => {
    expect(token()).toMatch(/^[A-Za-z0-9_-]{43}$/)
    if (process.platform !== 'win32') {
      expect(fs.statSync(path.join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600)
      expect(fs.statSync(path.join(dir, PORT_FILE)).mode & 0o777).toBe(0o600)
    }
    expect(readConnection(dir)).toEqual({ ok: true, port: api.port, token: token() })
  })

  it('keeps the token across restarts, tightens a loose mode, and removes the port file on close', async () => {
    const before = token()
    await api.close()
    expect(fs.existsSync(path.join(dir, PORT_FILE))).toBe(false)
    fs.chmodSync(path.join(dir, TOKEN_FILE), 0o644)
    api = await startLocalApi({ dataDir: dir, port: 0, receive: () => ({ result: 'ignored', callId: null }) })
    expect(token()).toBe(before)
    if (process.platform !== 'win32') expect(fs.statSync(path.join(dir, TOKEN_FILE)).mode & 0o777).toBe(0o600)
  })

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer ' + 'x'.repeat(43) }],
    ['a token of another length', { Authorization: 'Bearer abc' }],
    ['another scheme', { Authorization: 'Basic abc' }],
  ])('answers 401 for %s and records nothing', async (_name, headers) => {
    const answer = await request({
      headers: { Authorization: '', ...headers },
      body: JSON.stringify({ type: 'answered' }),
    })
    expect(answer.status).toBe(401)
    expect(answer.json.error?.message).toMatch(/Missing or wrong token/)
    expect(received).toEqual([])
  })

  it('answers 413 for a body over the limit, declared or not', async () => {
    const big = JSON.stringify({ type: 'answered', number: 'x'.repeat(MAX_BODY_BYTES) })
    expect((await request({ body: big })).status).toBe(413)
    // Chunked, with no Content-Length: the limit applies while reading.
    const chunked = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port: api.port,
          method: 'POST',
          path: '/v1/events',
          headers: { Authorization: `Bearer ${token()}`, 'Transfer-Encoding': 'chunked' },
          agent: false,
        },
        (res) => {
          res.resume()
          resolve(res.statusCode ?? 0)
        },
      )
      req.on('error', reject)
      for (let i = 0; i < 5; i++) req.write('x'.repeat(1024))
      req.end()
    })
    expect(chunked).toBe(413)
    expect(received).toEqual([])
  })

  it.each([
    ['not JSON', '{"type":', /must be JSON/],
    ['an unknown type', '{"type":"ringing"}', /^type: /],
    ['an unknown field', '{"type":"answered","caller":"x"}', /Unrecognized key/],
    ['a wrong direction', '{"type":"answered","direction":"in"}', /^direction: /],
    ['a control character in the number', '{"type":"answered","number":"1\\u0000"}', /control characters/],
    ['an array', '[]', /expected object/],
  ])('answers 400 with a clear message for %s', async (_name, body, message) => {
    const answer = await request({ body })
    expect(answer.status).toBe(400)
    expect(answer.json.ok).toBe(false)
    expect(answer.json.error?.message).toMatch(message)
    expect(received).toEqual([])
  })

  it('passes a refusal on (turned off in Settings → 403)', async () => {
    refuse = new AppError('unavailable', 'Turned off in Settings.')
    const answer = await request({ body: '{"type":"answered"}' })
    expect(answer).toEqual({
      status: 403,
      json: { ok: false, error: { code: 'unavailable', message: 'Turned off in Settings.' } },
    })
  })

  it('answers /health without a token, and refuses other paths, methods, hosts and web pages', async () => {
    expect(await request({ method: 'GET', path: '/health', headers: { Authorization: '' } })).toEqual({
      status: 200,
      json: { ok: true, app: 'CalmDeck' },
    })
    expect((await request({ method: 'GET' })).status).toBe(405)
    expect((await request({ path: '/v1/other', body: '{}' })).status).toBe(404)
    const rebinding = await request({ headers: { Host: `evil.example:${api.port}` }, body: '{"type":"answered"}' })
    expect(rebinding.status).toBe(421)
    const page = await request({ headers: { Origin: 'https://evil.example' }, body: '{"type":"answered"}' })
    expect(page.status).toBe(403)
    expect(received).toEqual([])
  })

  it('listens on 127.0.0.1 only', async () => {
    const addresses = Object.values(os.networkInterfaces())
      .flat()
      .filter((item): item is os.NetworkInterfaceInfo => !!item && item.family === 'IPv4' && !item.internal)
    const targets = ['127.0.0.2', ...addresses.map((item) => item.address)]
    for (const host of targets) {
      const reached = await new Promise<boolean>((resolve) => {
        const socket = net.connect({ host, port: api.port })
        socket.setTimeout(1000, () => (socket.destroy(), resolve(false)))
        socket.once('connect', () => (socket.destroy(), resolve(true)))
        socket.once('error', () => resolve(false))
      })
      expect(reached, `reachable on ${host}`).toBe(false)
    }
  })

  it('falls back to a free port when the preferred one is taken', async () => {
    const other = await startLocalApi({
      dataDir: dir,
      port: api.port,
      receive: () => ({ result: 'ignored', callId: null }),
    })
    try {
      expect(other.port).not.toBe(api.port)
      expect(readConnection(dir)).toMatchObject({ ok: true, port: other.port })
    } finally {
      await other.close()
    }
  })
})
