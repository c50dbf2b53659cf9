import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { ShortcutRegistrar } from '../../electron/services/hotkeys/hotkey-service'
import { createAppServices } from '../../electron/services/app-services'
import { startWebHost } from '../../electron/web/server'
import { DeckPage } from './deck-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

let dataDir: string
let host: RunningHost

test.beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-calls-'))
  host = await startHost(dataDir)
})

test.afterEach(async () => {
  await host.stop()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('runs a whole call from the keyboard, with undo, and finds its timeline after a restart', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  const strip = page.getByTestId('call-strip')
  const toast = page.getByTestId('toast')
  await expect(strip).toContainText('No call')

  await page.keyboard.press('ArrowRight')
  await page.keyboard.press('ArrowRight')
  await deck.expectCard('understand')
  await page.keyboard.press('c')
  await expect(toast).toContainText('Call started')
  // A new call starts the deck from its first phase.
  await deck.expectCard('calm')
  await expect(page.getByTestId('call-elapsed')).toHaveText(/^0:0\d$/)

  await page.keyboard.press('v')
  await expect(toast).toContainText('Logged: Caller venting')
  await page.keyboard.press('s')
  await expect(toast).toContainText('Logged: Summarised back')
  await page.keyboard.press('a')
  await expect(toast).toContainText('Logged: Anger rising')
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.keyboard.press('p')
  await expect(toast).toContainText('Logged: Promise made')
  const recent = page.getByTestId('recent-events').locator('li')
  await expect(recent).toHaveText([/Summarised back/, /Anger rising/, /Promise made/])
  await deck.screenshot('10-call-in-progress')

  await page.getByTestId('toast-undo').click()
  await expect(toast).toContainText('Removed: Promise made')
  await expect(recent).toHaveText([/Caller venting/, /Summarised back/, /Anger rising/])

  await page.keyboard.press('m')
  await page.getByTestId('mark-text').fill('Asked for a refund by Friday')
  await page.keyboard.press('Enter')
  await expect(toast).toContainText('Logged: Mark')

  await page.keyboard.press('e')
  await expect(toast).toContainText('Call ended')
  await expect(page.getByTestId('toast-note')).toHaveText('Write the note')
  await expect(page.getByTestId('call-start')).toBeVisible()

  await host.stop()
  host = await startHost(dataDir)
  await deck.open(host.url)
  await page.keyboard.press('t')
  const calls = page.getByTestId('timeline-call')
  await expect(calls).toHaveCount(1)
  await expect(calls.first()).toContainText('Hard')
  await expect(calls.first()).toContainText('6 events')
  await calls.first().getByRole('button').click()
  await expect(page.getByTestId('timeline-events').locator('li')).toHaveText([
    /Call started/,
    /Caller venting/,
    /Summarised back/,
    /Anger rising/,
    /Mark — Asked for a refund by Friday/,
    /Call ended/,
  ])
  await deck.screenshot('11-timeline')
})

test('logs with buttons too, starts a call on the first event, and filters hard calls', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.getByTestId('call-start').click()
  await page.getByTestId('call-end').click()
  await expect(page.getByTestId('call-strip')).toContainText('No call')

  await page.getByTestId('open-log').click()
  await deck.screenshot('12-log-palette')
  await page.getByTestId('log-boundary-warning').click()
  await expect(page.getByTestId('toast')).toContainText('Logged: Boundary warning given')
  await expect(page.getByTestId('call-hard')).toBeVisible()
  await page.getByTestId('open-log').click()
  await page.getByTestId('log-ended-for-abuse').click()
  await expect(page.getByTestId('call-strip')).toContainText('No call')

  await page.getByTestId('timeline-toggle').click()
  await expect(page.getByTestId('timeline-call')).toHaveCount(2)
  await page.getByTestId('filter-hard').click()
  await expect(page.getByTestId('timeline-call')).toHaveCount(1)
})

test('says clearly when there is no call to end, and changes nothing', async ({ page }) => {
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await page.keyboard.press('e')
  await expect(page.getByTestId('toast')).toContainText('There is no call in progress to end.')
  await page.keyboard.press('t')
  await expect(page.getByTestId('timeline')).toContainText('No calls yet today.')
})

test('names a global hotkey that another program holds, and the others still log', async ({ page }) => {
  const taken = 'CommandOrControl+Alt+Shift+B'
  const bound = new Map<string, () => void>()
  const registrar: ShortcutRegistrar = {
    register: (accelerator, callback) => {
      if (accelerator === taken) return false
      bound.set(accelerator, callback)
      return true
    },
    unregisterAll: () => bound.clear(),
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-hotkeys-'))
  const inProcess = await startWebHost({
    // In-process, from the TypeScript source: the services without a bundler.
    createServices: createAppServices,
    port: 0,
    dataDir: dir,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    version: 'test',
    shortcuts: registrar,
  })
  try {
    const deck = new DeckPage(page)
    await deck.open(inProcess.url)
    await expect(page.getByTestId('hotkey-taken')).toContainText('Ctrl+Alt+Shift+B (Boundary warning given)')
    await deck.screenshot('13-hotkey-taken')

    // The agent is in the softphone: the hotkey fires without the window.
    bound.get('CommandOrControl+Alt+Shift+A')?.()
    await expect(page.getByTestId('toast')).toContainText('Logged: Anger rising')
    await expect(page.getByTestId('recent-events')).toContainText('Anger rising')
    bound.get('CommandOrControl+Alt+Shift+PageDown')?.()
    await deck.expectCard('listen')

    await deck.openSettings()
    const row = page.locator('[data-action="log:boundary-warning"]')
    await expect(row).toContainText('In use by another program')
    await page.getByTestId('hotkey-log:boundary-warning').click()
    await page.keyboard.press('Control+Alt+Shift+KeyK')
    await expect(page.getByTestId('hotkey-taken')).toHaveCount(0)
    await expect(page.getByTestId('hotkey-log:boundary-warning')).toHaveText('Ctrl+Alt+Shift+K')
    expect(bound.has('CommandOrControl+Alt+Shift+K')).toBe(true)
  } finally {
    await inProcess.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
