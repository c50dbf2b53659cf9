import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { keyPlatform } from '../../../shared/accelerator'
import { startWebHost, type WebHost } from '../../../electron/web/server'
import { tempDir } from '../../helpers/temp-dir'

let host: WebHost
let token: string
let announced: string | undefined
const data = tempDir()
const renderer = tempDir()

beforeAll(async () => {
  fs.writeFileSync(
    path.join(renderer.dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  )
  fs.mkdirSync(path.join(renderer.dir, 'assets'))
  fs.writeFileSync(path.join(renderer.dir, 'assets', 'app.js'), 'console.log(1)')
  for (const locale of ['en', 'nl']) fs.writeFileSync(path.join(renderer.dir, 'assets', `ui-${locale}-X1.js`), '')
  fs.writeFileSync(path.join(data.dir, 'secret.txt'), 'do not serve')
  host = await startWebHost({
    port: 0,
    dataDir: data.dir,
    rendererDir: renderer.dir,
    version: 'test',
    onListening: (url) => (announced = url),
  })
  const page = await get('/')
  token = /name="calmdeck-bridge" content="([^"]+)"/.exec(page.body)?.[1] ?? ''
})

afterAll(async () => {
  await host.close()
  data.cleanup()
  renderer.cleanup()
})

function get(
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path: urlPath, headers }, (res) => {
      let body = ''
      res.on('data', (chunk: Buffer) => (body += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end()
  })
}

function connect(options: { token?: string; origin?: string } = {}): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${options.token ?? token}`, {
    headers: { Origin: options.origin ?? `http://127.0.0.1:${host.port}` },
  })
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws))
    ws.once('error', reject)
  })
}

function request(ws: WebSocket, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.once('message', (raw) => resolve(JSON.parse(raw.toString())))
    ws.send(typeof message === 'string' ? message : JSON.stringify(message))
  })
}

describe('web host: HTTP', () => {
  it('announces its address as soon as it listens', () => {
    expect(announced).toBe(host.url)
  })

  it('serves the page with a fresh bridge token and a strict CSP', async () => {
    const page = await get('/')
    expect(page.status).toBe(200)
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/)
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    // WebAssembly may be compiled (the cues' voice detector); JavaScript may never be evaluated.
    expect(page.headers['content-security-policy']).not.toMatch(/'unsafe-eval'/)
  })

  it("preloads the texts of the browser's language with the page (English when it speaks none of ours)", async () => {
    const preloads = async (acceptLanguage?: string) => {
      const page = await get('/', acceptLanguage ? { 'Accept-Language': acceptLanguage } : {})
      return [...page.body.matchAll(/rel="modulepreload" crossorigin href="([^"]+)"/g)].map((match) => match[1])
    }
    expect(await preloads('nl-BE,nl;q=0.9,en;q=0.8')).toEqual(['./assets/ui-nl-X1.js'])
    expect(await preloads('de-DE, fr;q=0.5')).toEqual(['./assets/ui-en-X1.js'])
    expect(await preloads()).toEqual(['./assets/ui-en-X1.js'])
    // A language whose chunk is not built (hr here): no preload, the window fetches it itself.
    expect(await preloads('hr')).toEqual([])
    expect((await get('/assets/ui-nl-X1.js')).status).toBe(200)
  })

  it('serves built assets but nothing outside the renderer folder', async () => {
    expect((await get('/assets/app.js')).status).toBe(200)
    for (const attempt of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/%00', '/missing.js']) {
      expect((await get(attempt)).status, attempt).toBe(404)
    }
  })

  it('answers only requests addressed to 127.0.0.1 or localhost (DNS rebinding)', async () => {
    expect((await get('/', { Host: 'attacker.example' })).status).toBe(421)
    expect((await get('/', { Host: `localhost:${host.port}` })).status).toBe(200)
  })
})

describe('web host: WebSocket bridge', () => {
  it('answers a request by id', async () => {
    const ws = await connect()
    const reply = await request(ws, { id: 7, channel: 'settings:get', payload: {} })
    expect(reply).toMatchObject({ id: 7, result: { ok: true, value: { theme: 'system' } } })
    ws.close()
  })

  it('refuses a connection without the token or from another origin', async () => {
    await expect(connect({ token: 'wrong' })).rejects.toThrow(/401/)
    await expect(connect({ origin: 'http://evil.example' })).rejects.toThrow(/401/)
  })

  it('answers malformed messages with a typed error and stays up', async () => {
    const ws = await connect()
    for (const bad of ['not json', '[]', '{"id": -1, "channel": "settings:get", "payload": {}}', '{"channel": "x"}']) {
      expect(await request(ws, bad)).toMatchObject({
        id: null,
        result: { ok: false, error: { code: 'invalid-request' } },
      })
    }
    expect(await request(ws, { id: 1, channel: 'nope', payload: {} })).toMatchObject({
      id: 1,
      result: { ok: false, error: { code: 'unknown-channel' } },
    })
    expect(await request(ws, { id: 2, channel: 'app:info', payload: {} })).toMatchObject({
      id: 2,
      result: { ok: true, value: { host: 'web', platform: keyPlatform(process.platform) } },
    })
    ws.close()
  })

  it('pushes changes to every connected page', async () => {
    const [a, b] = await Promise.all([connect(), connect()])
    const pushed = new Promise((resolve) => b.once('message', (raw) => resolve(JSON.parse(raw.toString()))))
    await request(a, { id: 3, channel: 'settings:update', payload: { theme: 'dark' } })
    expect(await pushed).toMatchObject({ event: 'settings:changed', data: { theme: 'dark' } })
    a.close()
    b.close()
  })

  it('closes a connection that sends more than the size limit', async () => {
    const ws = await connect()
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send('x'.repeat(3 * 1024 * 1024))
    expect(await closed).toBe(1009)
  })
})
