import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { DeckPage } from './deck-page'

test.use({ colorScheme: 'light', locale: 'en-GB' })

const MIN = 60_000
/** The host's clock, moved by the test. */
let clock = Date.now()
let dataDir: string
let host: WebHost

async function start(port = 0): Promise<WebHost> {
  return startWebHost({
    // In-process, from the TypeScript source: the services without a bundler.
    createServices: createAppServices,
    port,
    dataDir,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    version: 'test',
    now: () => clock,
  })
}

test.beforeEach(async () => {
  clock = Date.now()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-recovery-'))
  host = await start()
})

test.afterEach(async () => {
  await host.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('a hard call leads into a recovery break that survives a restart and ends by the clock', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await page.keyboard.press('b')
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.keyboard.press('e')

  const offer = page.getByTestId('recovery-offer')
  await expect(offer).toContainText('That was a hard call.')
  await deck.expectCard('recover')
  await deck.screenshot('30-recovery-offer')

  await page.getByTestId('recovery-accept').click()
  const remaining = page.getByTestId('recovery-remaining')
  await expect(remaining).toHaveText(/^(5:00|4:5\d)$/)
  clock += 2 * MIN
  await page.getByTestId('recovery-pause').click()
  await expect(remaining).toHaveText('3:00')
  await deck.screenshot('31-recovery-paused')

  // Restart the host while paused, with ten minutes passing: the break is still paused at 3:00.
  const port = host.port
  await host.close()
  clock += 10 * MIN
  host = await start(port)
  await page.reload()
  await expect(remaining).toHaveText('3:00')
  await page.getByTestId('recovery-resume').click()
  await expect(remaining).toHaveText(/^(3:00|2:5\d)$/)
  await page.getByTestId('recovery-extend').click()
  await expect(remaining).toHaveText(/^(4:00|3:5\d)$/)
  await deck.screenshot('32-recovery-running')

  // The test's clock reaches the end: the host ends the break by itself and the deck returns.
  clock += 4 * MIN + 1000
  await expect(page.getByTestId('recovery-view')).toBeHidden()
  await expect(deck.card).toBeVisible()

  await page.keyboard.press('t')
  await expect(page.getByTestId('day-summary')).toContainText('1 call')
  await expect(page.getByTestId('day-summary')).toContainText('1 hard')
  await expect(page.getByTestId('day-summary')).toContainText('6 min of recovery')
  await expect(page.getByTestId('day-summary')).toContainText('Breaks: 1 taken · 0 declined · 1 offered')
  await expect(page.getByTestId('day-chart')).toBeVisible()
  await deck.screenshot('33-day-view')
})

test('declining is one key and is logged; a break can be started by hand any time', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await page.keyboard.press('a')
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.keyboard.press('e')
  await expect(page.getByTestId('recovery-offer')).toBeVisible()
  await page.keyboard.press('d')
  await expect(page.getByTestId('recovery-offer')).toBeHidden()

  await page.keyboard.press('w')
  await expect(page.getByTestId('recovery-remaining')).toHaveText(/^(5:00|4:5\d)$/)
  await page.keyboard.press('w')
  await expect(page.getByTestId('toast')).toContainText('A recovery break is already under way.')
  await page.getByTestId('recovery-end').click()
  await expect(page.getByTestId('recovery-view')).toBeHidden()

  await page.keyboard.press('t')
  await expect(page.getByTestId('day-summary')).toContainText('Breaks: 1 taken · 1 declined · 1 offered')
})

test('the Decline button declines an offer through the recovery:* route, like pause and resume', async ({ page }) => {
  const sent: string[] = []
  page.on('websocket', (socket) => socket.on('framesent', (frame) => sent.push(String(frame.payload))))
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.keyboard.press('c')
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await page.keyboard.press('a')
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.keyboard.press('e')
  await expect(page.getByTestId('recovery-offer')).toBeVisible()
  await page.getByTestId('recovery-decline').click()
  await expect(page.getByTestId('recovery-offer')).toBeHidden()
  expect(sent.filter((frame) => frame.includes('recovery:decline'))).toHaveLength(1)
  expect(sent.filter((frame) => frame.includes('recovery-decline'))).toHaveLength(0)
  await page.keyboard.press('t')
  await expect(page.getByTestId('day-summary')).toContainText('1 declined · 1 offered')
})
