import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium-options'
import { buildDialogue } from '../helpers/dialogues/build'
import { DIALOGUES } from '../helpers/dialogues/dialogues'
import { TestPulse } from '../helpers/pulse'
import { startHost, type RunningHost } from './web-host'

/**
 * Live call cues end to end on a real headless PulseAudio: the caller and the agent each play into
 * their own null sink, remapped as the inputs `callerin` and `agentmic`; the built web host serves
 * the window in Chromium with real devices (permission granted, no fake device). A dialogue played
 * during a call shows the cue, logs the event, and its figures appear; nothing is captured outside
 * a call.
 */

let pulse: TestPulse
let browser: Browser
let host: RunningHost
let dataDir: string

test.beforeEach(async () => {
  pulse = new TestPulse()
  await pulse.startTwoParty()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-cues-'))
  host = await startHost(dataDir)
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'],
    env: pulse.env,
  })
})

test.afterEach(async () => {
  await browser?.close()
  await host?.stop()
  await pulse?.dispose()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Capture streams the browser has open on the sound server right now. */
const captureStreams = () => pulse.browserCaptures()

async function turnOnCues(page: Page): Promise<void> {
  await page.getByTestId('settings-toggle').click()
  await page.getByTestId('setting-cues').check()
  await expect(page.getByTestId('cues-consent')).toContainText('never listens to words')
  await page.getByTestId('cues-consent-confirm').click()
  await expect(page.getByTestId('setting-cues')).toBeChecked()
  await page.getByTestId('setting-cues-mic').selectOption({ label: 'agentmic' })
  await page.getByTestId('setting-cues-caller').selectOption({ label: 'callerin' })
  await expect(page.getByTestId('setting-cues-caller')).toHaveValue('callerin')
  await page.getByTestId('settings-done').click()
}

function dialogue(name: string) {
  const spec = DIALOGUES.find((item) => item.recipe.name === name)
  if (!spec) throw new Error(`no dialogue ${name}`)
  return buildDialogue(spec.recipe)
}

test('a raised caller during a call shows the cue, logs it, moves nothing by itself, and its figures stay; nothing is captured outside a call', async () => {
  test.setTimeout(120_000)
  const played = dialogue('caller-raised-10')
  const page = await browser.newPage({ viewport: { width: 360, height: 640 } })
  await page.goto(host.url)
  // Device names show once the microphone was allowed; this page has the permission already.
  await turnOnCues(page)

  // Outside a call: sound plays, nothing listens.
  await pulse.play('caller', played.files.caller)
  await expect(page.getByTestId('listening-mark')).toHaveCount(0)
  expect(captureStreams()).toBe(0)

  await page.keyboard.press('c')
  await expect(page.getByTestId('listening-mark')).toContainText('Listening to levels')
  await expect.poll(captureStreams).toBe(2)

  const playing = Promise.all([pulse.play('caller', played.files.caller), pulse.play('agent', played.files.agent)])
  // Shown while the dialogue plays (a cue stays 8 s), at most a few seconds after the raised lines start.
  await expect(page.getByTestId('cue-caller-raised')).toContainText('louder than their usual voice', {
    timeout: 30_000,
  })
  await expect(page.getByTestId('cue-go-calm')).toBeVisible()
  await page.screenshot({ path: path.join(os.tmpdir(), 'calmdeck-cue-caller-raised.png') })
  await expect(page.getByTestId('call-strip')).toContainText("Caller's voice raised")
  await playing

  // The event is on the call's timeline, from the cues.
  await page.keyboard.press('j')
  await page.keyboard.press('e')
  await expect(page.getByTestId('listening-mark')).toHaveCount(0)
  await expect.poll(captureStreams).toBe(0)

  await page.keyboard.press('t')
  await expect(page.getByTestId('day-cue-figures')).toContainText('Caller louder than usual')
  await page.getByTestId('timeline-call').first().getByRole('button').first().click()
  await expect(page.getByTestId('timeline-events')).toContainText("Caller's voice raised")
  const figures = page.getByTestId('timeline-call').first().getByTestId('cue-figures')
  await expect(figures).toContainText('Talk share')
  // The caller spoke louder for several seconds: the figures say so.
  await expect(figures.getByTestId('cue-caller-raised-seconds')).not.toHaveText('0 s')
  await page.screenshot({ path: path.join(os.tmpdir(), 'calmdeck-cue-figures.png'), fullPage: true })
})

test('the caller stream that carries nothing is reported while cues about you go on', async () => {
  test.setTimeout(120_000)
  const played = dialogue('caller-silent')
  const page = await browser.newPage({ viewport: { width: 360, height: 640 } })
  await page.goto(host.url)
  await turnOnCues(page)
  await page.keyboard.press('c')
  await expect(page.getByTestId('listening-mark')).toBeVisible()
  await pulse.play('agent', played.files.agent)
  await expect(page.getByTestId('cue-caller-silent')).toContainText('cannot hear the caller')
  await page.keyboard.press('e')
  await expect(page.getByTestId('listening-mark')).toHaveCount(0)
})
