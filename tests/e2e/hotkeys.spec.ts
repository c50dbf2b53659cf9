import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { KeyPlatform } from '../../shared/accelerator'
import { createAppServices } from '../../electron/services/app-services'
import { startWebHost, type WebHost } from '../../electron/web/server'
import { DeckPage } from './deck-page'

test.use({ colorScheme: 'light', locale: 'en-GB' })

let dataDir: string
let host: WebHost | undefined

/** A web host that says its keyboard is `platform`, with global shortcuts that always register. */
async function startOn(platform: KeyPlatform): Promise<WebHost> {
  host = await startWebHost({
    // In-process, from the TypeScript source: the services without a bundler.
    createServices: createAppServices,
    port: 0,
    dataDir,
    rendererDir: path.resolve(__dirname, '../../out/renderer'),
    version: 'test',
    platform,
    shortcuts: { register: () => true, unregisterAll: () => {} },
  })
  return host
}

test.beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-hotkeys-'))
})

test.afterEach(async () => {
  await host?.close()
  host = undefined
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('the key recorder keeps the Super key apart from Ctrl on Linux', async ({ page }) => {
  const linux = await startOn('linux')
  const deck = new DeckPage(page)
  await deck.open(linux.url)
  await deck.openSettings()
  const button = page.getByTestId('hotkey-log:mark')
  await expect(button).toHaveText('Ctrl+Alt+Shift+M')
  await button.click()
  await page.keyboard.press('Meta+Alt+Shift+KeyK')
  await expect(button).toHaveText('Super+Alt+Shift+K')
  expect(linux.services.settings.get().hotkeys['log:mark']).toBe('Super+Alt+Shift+K')
})

test('the key recorder names ⌃ and ⌘ as pressed on macOS', async ({ page }) => {
  const mac = await startOn('mac')
  const deck = new DeckPage(page)
  await deck.open(mac.url)
  await deck.openSettings()
  const button = page.getByTestId('hotkey-log:mark')
  await expect(button).toHaveText('⌥⇧⌘M')
  await button.click()
  await page.keyboard.press('Control+Alt+Shift+KeyK')
  await expect(button).toHaveText('⌃⌥⇧K')
  expect(mac.services.settings.get().hotkeys['log:mark']).toBe('Control+Alt+Shift+K')
  await button.click()
  await page.keyboard.press('Meta+Shift+KeyJ')
  await expect(button).toHaveText('⇧⌘J')
  expect(mac.services.settings.get().hotkeys['log:mark']).toBe('Command+Shift+J')
})
