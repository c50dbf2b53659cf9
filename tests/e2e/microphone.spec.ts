import { expect, test } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TestPulse } from '../helpers/pulse'
import { DeckPage } from './deck-page'
import { startHost, type RunningHost } from './web-host'

test.use({ colorScheme: 'light', locale: 'en-GB' })

/**
 * The microphone source end to end: a real headless PulseAudio, the built web host watching it,
 * `parecord` as the phone (binary `pacat`).
 */
let dataDir: string
let host: RunningHost
let pulse: TestPulse

test.beforeEach(async () => {
  pulse = new TestPulse()
  await pulse.start()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-mic-'))
  host = await startHost(dataDir, { env: pulse.env })
})

test.afterEach(async () => {
  await host.stop()
  await pulse.dispose()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('turned on in Settings, asks “Is it your phone?”, and after Yes the call starts and ends by itself', async ({
  page,
}) => {
  test.setTimeout(60_000)
  const deck = new DeckPage(page)
  await deck.open(host.url)
  await deck.openSettings()
  await page.getByTestId('setting-mic-source').check()
  await expect(page.getByTestId('mic-status')).toContainText('Watching which app uses the microphone')
  await page.getByTestId('setting-mic-source').scrollIntoViewIfNeeded()
  await deck.screenshot('39-mic-settings-on')
  await page.getByTestId('setting-mic-start').fill('1')
  await page.getByTestId('setting-mic-start').blur()
  await page.getByTestId('setting-mic-release').fill('1')
  await page.getByTestId('setting-mic-release').blur()
  await deck.closeSettings()

  const strip = page.getByTestId('call-strip')
  await expect(strip).toContainText('No call')
  const stop = pulse.record('mic')
  const prompt = page.getByTestId('mic-prompt')
  await expect(prompt).toContainText('pacat is using the microphone. Is it your phone?')
  // The question takes no focus: whatever had it keeps it.
  await expect(page.getByTestId('mic-yes')).not.toBeFocused()
  await deck.screenshot('40-mic-question')
  await expect(strip).toContainText('No call')

  await page.getByTestId('mic-yes').click()
  await expect(prompt).toBeHidden()
  await expect(page.getByTestId('call-elapsed')).toBeVisible()
  await expect(page.getByTestId('toast')).toContainText('Call started')

  await stop()
  await expect(strip).toContainText('No call')
  await expect(page.getByTestId('toast')).toContainText('Call ended')

  await deck.openSettings()
  await expect(page.getByTestId('mic-app-pacat')).toHaveValue('phone')
  await page.getByTestId('mic-app-pacat').scrollIntoViewIfNeeded()
  await deck.screenshot('41-mic-settings')
})
