/**
 * Backups do not depend on a window: the BUILT web host (`out/main/web.js`, from
 * `electron-vite build`) serving only softphone hooks — no page ever opened — makes its start
 * backup by itself, and a clean stop on SIGTERM or SIGINT makes its shutdown backup with every
 * call logged through the local API. The last test runs the host in this process with its
 * background start (the backup schedule) held off, so the shutdown backup cannot lean on it.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readConnection } from '../../../electron/services/integrations/local-api-files'
import { startWebHost } from '../../../electron/web/server'
import { startHost, type RunningHost } from '../../e2e/web-host'
import { tempDir } from '../../helpers/temp-dir'
import { WAIT_MS, waitFor } from '../../helpers/wait-for'

const ENTRY = path.resolve(__dirname, '../../../out/main/web.js')

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function hostWithoutPage(): Promise<{ host: RunningHost; dir: string }> {
  if (!fs.existsSync(ENTRY)) throw new Error('out/main/web.js is missing: run `npx electron-vite build` first')
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const host = await startHost(dir, { timeoutMs: WAIT_MS })
  cleanups.push(() => host.stop('SIGKILL').then(() => {}))
  return { host, dir }
}

/** The local API once it answers (it comes up with the services, after the "listening" line). */
async function localApi(dir: string): Promise<(body: object) => Promise<unknown>> {
  const connection = await waitFor('the local API', async () => {
    const read = readConnection(dir)
    if (!read.ok) return null
    const health = await fetch(`http://127.0.0.1:${read.port}/health`).catch(() => null)
    return health?.ok ? read : null
  })
  return async (body) => {
    const res = await fetch(`http://127.0.0.1:${connection.port}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(res.status).toBe(200)
    return res.json()
  }
}

/** Logs `count` calls (each answered, then ended) as a softphone hook would; ids start after `first`. */
async function logCalls(dir: string, count: number, first = 0): Promise<void> {
  const post = await localApi(dir)
  for (let i = first + 1; i <= first + count; i++) {
    await post({ type: 'answered', id: `hook-${i}` })
    await post({ type: 'ended', id: `hook-${i}` })
  }
}

function backupNames(dir: string): string[] {
  const folder = path.join(dir, 'backups')
  return fs.existsSync(folder) ? fs.readdirSync(folder).filter((name) => /^calmdeck-.*\.sqlite3$/.test(name)) : []
}

/** The newest backup: it opens, passes integrity_check, and its number of ended calls. */
function newestBackup(dir: string): { name: string; check: unknown; calls: number } {
  const name = backupNames(dir).sort().at(-1)
  if (!name) throw new Error(`no backup in ${path.join(dir, 'backups')}`)
  const db = new Database(path.join(dir, 'backups', name), { readonly: true, fileMustExist: true })
  try {
    const check = db.pragma('integrity_check', { simple: true })
    const { n } = db.prepare('SELECT count(*) AS n FROM calls WHERE ended_at IS NOT NULL').get() as { n: number }
    return { name, check, calls: n }
  } finally {
    db.close()
  }
}

describe('web host without a page: backups', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'a clean stop on %s makes a backup holding every call logged through the local API',
    async (signal) => {
      const { host, dir } = await hostWithoutPage()
      await logCalls(dir, 4)
      expect(await host.stop(signal, WAIT_MS)).toEqual({ code: 0, signal: null })
      expect(newestBackup(dir)).toMatchObject({ check: 'ok', calls: 4 })
    },
  )

  it('makes its start backup without a page, and a shutdown backup for what came after', async () => {
    const { host, dir } = await hostWithoutPage()
    await logCalls(dir, 1)
    await waitFor('the start backup', () => backupNames(dir).find((name) => name.endsWith('-daily.sqlite3')))
    await logCalls(dir, 2, 1)
    expect(await host.stop('SIGTERM', WAIT_MS)).toEqual({ code: 0, signal: null })
    // Of each day only the newest backup is kept: the shutdown's, with all three calls.
    expect(newestBackup(dir)).toMatchObject({
      name: expect.stringMatching(/-shutdown\.sqlite3$/),
      check: 'ok',
      calls: 3,
    })
  })
})

describe('web host without a page: the shutdown backup does not wait for the schedule', () => {
  it('backs up the calls at close while the backup schedule has not started yet', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const host = await startWebHost({
      port: 0,
      apiPort: 0,
      dataDir: dir,
      rendererDir: path.resolve(__dirname, '../../../out/renderer'),
      version: 'test',
      backgroundStart: { afterPageMs: 600_000, fallbackMs: 600_000 },
    })
    let open = true
    cleanups.push(async () => {
      if (open) await host.close()
    })
    await logCalls(dir, 2)
    expect(backupNames(dir)).toEqual([])
    open = false
    await host.close()
    expect(newestBackup(dir)).toMatchObject({
      name: expect.stringMatching(/-shutdown\.sqlite3$/),
      check: 'ok',
      calls: 2,
    })
  })
})
