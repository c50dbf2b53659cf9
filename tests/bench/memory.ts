import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import WebSocket from 'ws'
import { createAppServices } from '../../electron/services/app-services'
import { startHost, type RunningHost } from '../e2e/web-host'
import { seedYear } from './export'
import { report } from './stats'

const BUDGET_MB = 120
const YEAR = { from: Date.parse('2026-01-01T00:00:00Z'), to: Date.parse('2027-01-01T00:00:00Z') }

/**
 * `host.idle_rss_mb`: the built web host with a year of data (seedYear) open, after it exported
 * that year as CSV and JSON over its bridge, once its resident memory has settled (Linux: VmRSS).
 */
export async function benchMemory(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-rss-'))
  const dataDir = path.join(dir, 'data')
  const seeded = createAppServices({ dataDir, host: 'web', version: 'bench' })
  seedYear(seeded.db)
  seeded.close()
  const host = await startHost(dataDir)
  try {
    const opened = await settledRssMb(host)
    fs.mkdirSync(path.join(dir, 'out'))
    const result = await exportOverBridge(host, path.join(dir, 'out'))
    if (!result.ok) throw new Error('the export failed')
    const idle = await settledRssMb(host)
    report('host.idle_rss_mb', idle, 'MB', {
      after: 'open year, CSV + JSON export of it',
      opened_rss_mb: opened,
      budget_mb: BUDGET_MB,
      pass: idle <= BUDGET_MB,
    })
  } finally {
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Sends one `export:run` of the whole year through the bridge, as a page of the host would. */
async function exportOverBridge(host: RunningHost, folder: string): Promise<{ ok: boolean }> {
  const html = await (await fetch(host.url)).text()
  const token = /name="calmdeck-bridge" content="([^"]+)"/.exec(html)?.[1] ?? ''
  const origin = host.url.replace(/\/$/, '')
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/bridge?token=${encodeURIComponent(token)}`, { origin })
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject))
  const payload = { range: YEAR, formats: ['csv', 'json'], folder, remark: '', redact: false, force: true }
  const answer = new Promise<{ ok: boolean }>((resolve) => {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; result?: { ok: boolean } }
      if (message.id === 1) resolve(message.result ?? { ok: false })
    })
  })
  ws.send(JSON.stringify({ id: 1, channel: 'export:run', payload }))
  const result = await answer
  ws.close()
  return result
}

/** VmRSS in MB once three readings 500 ms apart differ by less than 1 MB (at most 20 s). */
async function settledRssMb(host: RunningHost): Promise<number> {
  const readings: number[] = []
  for (let i = 0; i < 40; i++) {
    await sleep(500)
    const status = fs.readFileSync(`/proc/${host.process.pid}/status`, 'utf8')
    readings.push(Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024)
    const last = readings.slice(-3)
    if (last.length === 3 && Math.max(...last) - Math.min(...last) < 1) break
  }
  return Math.round((readings.at(-1) ?? Number.NaN) * 10) / 10
}
