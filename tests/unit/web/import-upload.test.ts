/**
 * "Import my data…" of a year over the real web host's WebSocket: too large for one message (the
 * bridge's 2 MB cap), it arrives in pieces, and only the whole file is imported.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { createAppServices } from '../../../electron/services/app-services'
import { startWebHost, type WebHost } from '../../../electron/web/server'
import { IMPORT_CHUNK_CHARS } from '../../../shared/personal-data'
import { seedYear } from '../../bench/export'
import { tempDir } from '../../helpers/temp-dir'

const YEAR_MS = 600_000

let host: WebHost
let token: string
let year: string
const source = tempDir()
const data = tempDir()
const renderer = tempDir()

beforeAll(async () => {
  const seeded = createAppServices({ dataDir: source.dir, host: 'web', version: 'test' })
  try {
    seedYear(seeded.db)
    year = seeded.personalData.export().text
  } finally {
    seeded.close()
  }
  fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><html><head></head><body></body></html>')
  host = await startWebHost({ port: 0, dataDir: data.dir, rendererDir: renderer.dir, version: 'test' })
  const page = await (await fetch(host.url)).text()
  token = /name="calmdeck-bridge" content="([^"]+)"/.exec(page)?.[1] ?? ''
}, YEAR_MS)

afterAll(async () => {
  await host.close()
  source.cleanup()
  data.cleanup()
  renderer.cleanup()
})

interface Bridge {
  ws: WebSocket
  invoke(channel: string, payload: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>
  closed: Promise<number>
}

async function connect(): Promise<Bridge> {
  const origin = `http://127.0.0.1:${host.port}`
  const ws = new WebSocket(`ws://127.0.0.1:${host.port}/bridge?token=${token}`, { headers: { Origin: origin } })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  let nextId = 1
  const pending = new Map<number, (result: never) => void>()
  ws.on('message', (raw: Buffer) => {
    const message = JSON.parse(raw.toString()) as { id?: number; result?: never }
    if (typeof message.id === 'number' && message.result) pending.get(message.id)?.(message.result)
  })
  const closed = new Promise<number>((resolve) => ws.once('close', resolve))
  return {
    ws,
    closed,
    invoke: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++
        pending.set(id, resolve)
        ws.send(JSON.stringify({ id, channel, payload }))
      }),
  }
}

describe('web host: a year of "Import my data…"', () => {
  it('is more than one bridge message may carry', async () => {
    expect(year.length).toBeGreaterThan(20 * 1024 * 1024)
    const bridge = await connect()
    bridge.ws.send(JSON.stringify({ id: 1, channel: 'data:import-chunk', payload: { text: year } }))
    // 1009: message too big. The socket is closed, nothing was read.
    expect(await bridge.closed).toBe(1009)
  })

  it('drops an unfinished upload when its page goes, importing nothing', async () => {
    const bridge = await connect()
    const begun = await bridge.invoke('data:import-begin', { size: year.length })
    const { uploadId } = begun.value as { uploadId: string }
    const piece = { uploadId, index: 0, text: year.slice(0, IMPORT_CHUNK_CHARS) }
    expect(await bridge.invoke('data:import-chunk', piece)).toMatchObject({ ok: true })
    expect(host.services.personalData.uploadsInProgress).toBe(1)
    bridge.ws.close()
    await vi.waitFor(() => expect(host.services.personalData.uploadsInProgress).toBe(0), { timeout: 30_000 })
    const again = await connect()
    const commit = await again.invoke('data:import-commit', { uploadId })
    expect(commit).toMatchObject({ ok: false, error: { code: 'not-found' } })
    again.ws.close()
    expect(host.services.calls.list(0, Number.MAX_SAFE_INTEGER)).toHaveLength(0)
  })

  it('imports the whole year sent in pieces under the cap', { timeout: YEAR_MS }, async () => {
    const bridge = await connect()
    const begun = await bridge.invoke('data:import-begin', { size: year.length })
    expect(begun.ok).toBe(true)
    const { uploadId } = begun.value as { uploadId: string }
    let received = 0
    for (let index = 0; index * IMPORT_CHUNK_CHARS < year.length; index++) {
      const text = year.slice(index * IMPORT_CHUNK_CHARS, (index + 1) * IMPORT_CHUNK_CHARS)
      const sent = await bridge.invoke('data:import-chunk', { uploadId, index, text })
      received = (sent.value as { received: number }).received
    }
    expect(received).toBe(year.length)
    const commit = await bridge.invoke('data:import-commit', { uploadId })
    expect(commit).toEqual({ ok: true, value: { calls: 15_000, events: 150_000, notes: 15_000, breaks: 0, decks: 0 } })
    bridge.ws.close()
    // What was imported is what was exported.
    const comparable = (text: string) => JSON.stringify({ ...(JSON.parse(text) as object), exportedAt: 0 })
    expect(comparable(host.services.personalData.export().text) === comparable(year)).toBe(true)
    expect(host.services.personalData.uploadsInProgress).toBe(0)
  })
})
