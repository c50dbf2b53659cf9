import { expect, test } from '@playwright/test'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DeckPage } from './deck-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

const BIN = path.resolve(__dirname, '../../bin/calmdeck-event.cjs')
let dataDir: string
let host: RunningHost

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-events-'))
  host = await startHost(dataDir)
})

test.afterEach(async () => {
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/**
 * Runs `calmdeck-event` as a softphone hook would; resolves with its exit code and output. The
 * hook gives CalmDeck about 200 ms to answer (a softphone freezes while it waits) and says so when
 * a busy machine missed that: such a try is repeated, as the same event twice is one event (the
 * bench measures the hook's speed; this checks what it does).
 */
async function hook(...args: string[]): Promise<{ code: number | null; output: string }> {
  for (let attempt = 1; ; attempt++) {
    const result = await runHook(args)
    if (attempt === 5 || !result.output.includes('did not answer in time')) return result
  }
}

function runHook(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, output })
    })
  })
}

test('a softphone hook starts and ends the call in the open window', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  const strip = page.getByTestId('call-strip')
  await expect(strip).toContainText('No call')
  await page.keyboard.press('ArrowRight')
  await deck.expectCard('listen')

  expect(await hook('call-incoming', '+31 6 1234 5678', '--id', 'sip-1')).toEqual({ code: 0, output: '' })
  // Ringing is not a call yet.
  await expect(strip).toContainText('No call')

  expect(await hook('call-start', '--id', 'sip-1')).toEqual({ code: 0, output: '' })
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await expect(strip).toContainText('…5678')
  await expect(page.getByTestId('toast')).toContainText('Call started')
  // A new call starts the deck from its first phase.
  await deck.expectCard('calm')
  await deck.screenshot('14-call-from-softphone')

  // The same call reported again (another hook, no id) does not make a second call.
  expect((await hook('call-start', '0612345678')).code).toBe(0)
  expect(await hook('call-end', '--id', 'sip-1')).toEqual({ code: 0, output: '' })
  await expect(strip).toContainText('No call')
  await expect(page.getByTestId('toast')).toContainText('Call ended')

  await page.keyboard.press('t')
  await expect(page.getByTestId('timeline-call')).toHaveCount(1)
})

test('the hook says so when call events are turned off, and nothing happens', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await deck.openSettings()
  await page.getByTestId('setting-call-events-baresip').check()
  await expect(page.getByTestId('setting-baresip-address')).toHaveValue('127.0.0.1:4444')
  await page.getByTestId('setting-call-events-local').uncheck()
  await page.getByTestId('setting-call-links').scrollIntoViewIfNeeded()
  await deck.screenshot('15-softphone-settings')
  const refused = await hook('call-start', '0612345678')
  expect(refused.code).toBe(1)
  expect(refused.output).toBe(
    'calmdeck-event: Call events from the command line and the local API are turned off in CalmDeck’s settings.\n',
  )
  await page.getByTestId('setting-call-events-local').check()
  expect((await hook('call-start')).code).toBe(0)
  await page.getByTestId('settings-done').click()
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
})
