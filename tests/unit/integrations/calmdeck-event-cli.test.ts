/** Runs the BUILT `calmdeck-event` (bin/calmdeck-event.cjs → out/main) as a softphone hook would. */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ExternalCallEvent } from '../../../shared/call-events'
import { AppError } from '../../../shared/result'
import { DEADLINE_MS, MIN_REQUEST_MS, requestBudgetMs } from '../../../electron/cli/calmdeck-event'
import { startLocalApi } from '../../../electron/services/integrations/local-api'
import { ensureToken, writePortFile } from '../../../electron/services/integrations/local-api-files'
import { testServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

const BIN = path.resolve(__dirname, '../../../bin/calmdeck-event.cjs')
let dir: string
let cleanup: () => void

beforeEach(() => {
  if (!fs.existsSync(path.resolve(__dirname, '../../../out/main/calmdeck-event.js'))) {
    throw new Error('out/main/calmdeck-event.js is missing: run `npx electron-vite build` first')
  }
  ;({ dir, cleanup } = tempDir())
})
afterEach(() => cleanup())

/**
 * Runs the CLI asynchronously (spawnSync would block the in-process servers it talks to), on a
 * system that speaks `lang` (English unless said otherwise).
 */
async function cli(
  args: string[],
  lang = 'en_GB.UTF-8',
): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now()
  const env = { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' }
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr, ms: Date.now() - started })
    })
  })
}

describe('calmdeck-event', () => {
  it('posts the event to the running app and exits 0 quietly', async () => {
    const received: ExternalCallEvent[] = []
    const api = await startLocalApi({
      dataDir: dir,
      port: 0,
      receive: (event) => (received.push(event), { result: 'started', callId: 1 }),
    })
    try {
      const run = await cli(['call-start', '0612345678', '--id', 'c-1', '--direction', 'in', '--data-dir', dir])
      expect(run).toMatchObject({ code: 0, stdout: '', stderr: '' })
      expect(received).toEqual([{ type: 'answered', number: '0612345678', direction: 'inbound', externalId: 'c-1' }])
    } finally {
      await api.close()
    }
  })

  it('says in one line that CalmDeck is not running, and exits 1 at once', async () => {
    const run = await cli(['--event', 'call-end', '--data-dir', dir])
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('calmdeck-event: CalmDeck is not running (or its local API is off).\n')
  })

  it('says so when the port file is stale (nothing listens)', async () => {
    ensureToken(dir)
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    writePortFile(dir, port)
    const run = await cli(['call-end', '--data-dir', dir])
    expect(run).toMatchObject({ code: 1, stderr: 'calmdeck-event: CalmDeck is not running.\n' })
  })

  it('never hangs: a server that does not answer is given up within the deadline', async () => {
    ensureToken(dir)
    const sockets: net.Socket[] = []
    const server = net.createServer((socket) => sockets.push(socket))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    writePortFile(dir, (server.address() as net.AddressInfo).port)
    try {
      const run = await cli(['call-start', '--data-dir', dir])
      expect(run).toMatchObject({ code: 1, stderr: 'calmdeck-event: CalmDeck did not answer in time.\n' })
      // The hook's own deadline is 280 ms from process start; allow for a slow test machine.
      expect(run.ms).toBeLessThan(2_000)
    } finally {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('passes on a refusal in one line', async () => {
    const api = await startLocalApi({
      dataDir: dir,
      port: 0,
      receive: () => {
        throw new AppError('unavailable', 'Call events are turned off in CalmDeck’s settings.')
      },
    })
    try {
      const run = await cli(['call-start', '--data-dir', dir])
      expect(run).toMatchObject({
        code: 1,
        stderr: 'calmdeck-event: Call events are turned off in CalmDeck’s settings.\n',
      })
    } finally {
      await api.close()
    }
  })

  it('explains wrong arguments with exit 2 and no stack trace, and prints usage on --help', async () => {
    const wrong = await cli(['call-begin'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toMatch(/^calmdeck-event: .*\(see calmdeck-event --help\)\n$/)
    expect(wrong.stderr).not.toMatch(/\bat\b.*\.js:\d+/)
    const help = await cli(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: calmdeck-event/)
  })

  it("speaks the user's language: CalmDeck's setting (Dutch) over the system's, else the system's (Croatian)", async () => {
    const services = testServices(undefined, dir)
    services.settings.update({ locale: 'nl' })
    services.close()
    const notRunning = await cli(['call-end', '--data-dir', dir], 'hr_HR.UTF-8')
    expect(notRunning).toMatchObject({
      code: 1,
      stderr: 'calmdeck-event: CalmDeck draait niet (of de lokale API staat uit).\n',
    })
    const wrong = await cli(['call-begin', '--data-dir', path.join(dir, 'none')], 'hr_HR.UTF-8')
    expect(wrong).toMatchObject({
      code: 2,
      stderr: 'calmdeck-event: koji događaj? npr. call-start ili --event call-start (vidi calmdeck-event --help)\n',
    })
    const help = await cli(['--help', '--data-dir', path.join(dir, 'none')], 'hr_HR.UTF-8')
    expect(help.stdout).toMatch(/^Upotreba: calmdeck-event/)
  })

  it('is a bin of the package', () => {
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as {
      bin?: Record<string, string>
    }
    expect(pkg.bin?.['calmdeck-event']).toBe('bin/calmdeck-event.cjs')
    expect(spawnSync(process.execPath, ['--check', BIN]).status).toBe(0)
  })
})

describe("the hook's time budget", () => {
  it('ends the run by the deadline when Node started quickly, yet never leaves the request less than its minimum', () => {
    const quickStart = DEADLINE_MS - MIN_REQUEST_MS - 30
    expect(quickStart).toBeGreaterThan(30) // a usual Node start leaves the whole deadline its say
    expect(requestBudgetMs(quickStart)).toBe(DEADLINE_MS - quickStart)
    expect(requestBudgetMs(250)).toBe(MIN_REQUEST_MS)
    expect(requestBudgetMs(900)).toBe(MIN_REQUEST_MS)
  })
})
