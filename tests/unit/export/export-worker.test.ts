import fs from 'node:fs'
import path from 'node:path'
import WebSocket from 'ws'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import { openReadOnly } from '../../../electron/services/export/read-only-db'
import { renderCsv } from '../../../electron/services/export/render-csv'
import { renderJson } from '../../../electron/services/export/render-json'
import type { EventKind } from '../../../shared/event-kinds'
import { exportReportSchema } from '../../../shared/export'
import type { Result } from '../../../shared/result'
import { startHost, type RunningHost } from '../../e2e/web-host'
import { buildExportFixture, SHIFT_FROM, SHIFT_TO } from '../../helpers/export-fixture'
import { tempDir } from '../../helpers/temp-dir'

// The built web host (out/main/web.js) writes exports in a worker thread (export-worker.ts).
let host: RunningHost
let dataDir: string
let eventKinds: readonly EventKind[]
let out: ReturnType<typeof tempDir>
let ws: WebSocket
beforeAll(async () => {
  const { services } = buildExportFixture()
  dataDir = services.dir
  eventKinds = services.decks.eventKinds()
  services.close()
  out = tempDir('calmdeck-export-worker-')
  host = await startHost(dataDir)
  const html = await (await fetch(host.url)).text()
  const token = /name="calmdeck-bridge" content="([^"]+)"/.exec(html)?.[1] ?? ''
  const origin = host.url.replace(/\/$/, '')
  ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(token)}`, { origin })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
})
afterAll(async () => {
  ws?.close()
  await host?.stop()
  out.cleanup()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

let nextId = 1
function exportRun(folder: string, force = false): Promise<Result<{ files: { format: string; path: string }[] }>> {
  const id = nextId++
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: Result<never> }
      if (message.id !== id) return
      ws.off('message', onMessage)
      resolve(message.result as Result<{ files: { format: string; path: string }[] }>)
    }
    ws.on('message', onMessage)
    const range = { from: SHIFT_FROM, to: SHIFT_TO }
    const payload = { range, formats: ['csv', 'json'], folder, remark: 'Bel 06-12345678 terug', redact: false, force }
    ws.send(JSON.stringify({ id, channel: 'export:run', payload }))
  })
}

describe('export:run in the built web host (worker thread)', () => {
  it('writes the same CSV and JSON as the report rendered in this process', async () => {
    const folder = path.join(out.dir, 'files')
    fs.mkdirSync(folder)
    const result = await exportRun(folder)
    if (!result.ok) throw new Error(`export failed: ${result.error.code}`)
    const file = (format: string) => result.value.files.find((entry) => entry.format === format)?.path ?? ''
    const json = fs.readFileSync(file('json'), 'utf8')
    const written = exportReportSchema.parse(JSON.parse(json))
    const db = openReadOnly(dataDir)
    try {
      const report = buildReport(db, {
        from: SHIFT_FROM,
        to: SHIFT_TO,
        now: written.generatedAt.ms,
        timeZone: written.timeZone,
        language: written.language,
        eventKinds,
        redact: false,
        remark: 'Bel 06-12345678 terug',
      })
      expect(report.calls.length).toBeGreaterThan(0)
      expect(json).toBe(renderJson(report))
      expect(fs.readFileSync(file('csv'), 'utf8')).toBe(renderCsv(report))
    } finally {
      db.close()
    }
  })

  it("answers a refusal from inside the worker with the refusal's own clear error", async () => {
    const result = await exportRun(path.join(out.dir, 'no-such-folder'))
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-found', message: `The folder ${path.join(out.dir, 'no-such-folder')} does not exist.` },
    })
    expect(host.output()).not.toMatch(/06-12345678|\n\s+at /)
  })
})
