/// <reference lib="dom" />
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CUE_THRESHOLDS } from '../../shared/cues/thresholds'
import { startHost, type RunningHost } from '../e2e/web-host'
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium-options'
import { buildDialogue, type Dialogue } from '../helpers/dialogues/build'
import { DIALOGUES } from '../helpers/dialogues/dialogues'
import { TestPulse } from '../helpers/pulse'
import { median, report } from './stats'

/** Dialogues with a raised caller: each is played once with cues off (the floor) and once on. */
const RAISED = ['caller-raised-10', 'caller-raised-12-noisy', 'caller-raised-wideband']
const IDLE_S = 20

/** CPU seconds of the page's renderer and the audio service (where capture runs), from Chromium itself. */
async function cpuSeconds(cdp: CDPSession): Promise<number> {
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; id: number; cpuTime: number }[]
  }
  return info.processInfo
    .filter((process) => process.type === 'renderer' || process.type === 'utility')
    .reduce((sum, process) => sum + process.cpuTime, 0)
}

function dialogue(name: string): Dialogue {
  const spec = DIALOGUES.find((item) => item.recipe.name === name)
  if (!spec) throw new Error(`no dialogue ${name}`)
  return buildDialogue(spec.recipe)
}

async function setCues(page: Page, on: boolean): Promise<void> {
  await page.getByTestId('settings-toggle').click()
  const box = page.getByTestId('setting-cues')
  if (on && !(await box.isChecked())) {
    await box.check()
    await page.getByTestId('cues-consent-confirm').click()
    await page.getByTestId('setting-cues-mic').selectOption({ label: 'agentmic' })
    await page.getByTestId('setting-cues-caller').selectOption({ label: 'callerin' })
  }
  if (!on && (await box.isChecked())) await box.uncheck()
  await page.getByTestId('settings-done').click()
}

/** Plays a dialogue in a call; returns the renderer's CPU share and, with cues on, when the raised cue showed. */
async function playInCall(
  page: Page,
  cdp: CDPSession,
  pulse: TestPulse,
  played: Dialogue,
  cues: boolean,
): Promise<{ cpu: number; cueAt: number | null; startedAt: number }> {
  await page.keyboard.press('c')
  if (cues) await page.getByTestId('listening-mark').waitFor()
  await page.evaluate(`window.__cueSeenAt = null
    new MutationObserver((_, observer) => {
      if (document.querySelector('[data-testid="cue-caller-raised"]')) { window.__cueSeenAt = Date.now(); observer.disconnect() }
    }).observe(document.body, { childList: true, subtree: true })`)
  const before = await cpuSeconds(cdp)
  const startedAt = Date.now()
  await Promise.all([pulse.play('caller', played.files.caller), pulse.play('agent', played.files.agent)])
  const seconds = (Date.now() - startedAt) / 1000
  const cpu = ((await cpuSeconds(cdp)) - before) / seconds
  const cueAt = (await page.evaluate('window.__cueSeenAt')) as number | null
  await page.keyboard.press('e')
  await page.getByTestId('listening-mark').waitFor({ state: 'detached' })
  return { cpu, cueAt, startedAt }
}

async function idleCpu(page: Page, cdp: CDPSession): Promise<number> {
  const before = await cpuSeconds(cdp)
  await page.waitForTimeout(IDLE_S * 1000)
  return ((await cpuSeconds(cdp)) - before) / IDLE_S
}

/**
 * The live cues in Chromium on a real two-party PulseAudio: the window's CPU (renderer and audio
 * service) with both streams live in a call minus the same window in a call without cues, the
 * time from a raised voice's true onset to the cue on screen minus the 2 s hold, and the CPU
 * outside calls with cues on minus with cues off (no stream is open then).
 */
export async function benchCues(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-cues-'))
  const pulse = new TestPulse()
  let host: RunningHost | null = null
  let browser: Browser | null = null
  try {
    await pulse.startTwoParty()
    host = await startHost(dir)
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'],
      env: pulse.env,
    })
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } })
    const cdp = await browser.newBrowserCDPSession()
    await page.goto(host.url)
    await page.getByTestId('card').waitFor()

    const extra: number[] = []
    const detect: number[] = []
    for (const name of RAISED) {
      const played = dialogue(name)
      const onset = played.truth.cues.find((cue) => cue.kind === 'caller-raised')?.onset
      if (onset === undefined) throw new Error(`${name} has no raised voice in its truth`)
      await setCues(page, false)
      const floor = await playInCall(page, cdp, pulse, played, false)
      await setCues(page, true)
      const live = await playInCall(page, cdp, pulse, played, true)
      extra.push((live.cpu - floor.cpu) * 100)
      if (live.cueAt !== null) detect.push(live.cueAt - (live.startedAt + onset) - CUE_THRESHOLDS.callerRaisedHoldMs)
    }
    report('cues.cpu_pct', median(extra), '% of one core', {
      runs: extra.map((v) => Math.round(v * 100) / 100),
      budget: 2,
    })
    report('cues.detect_ms', detect.length === RAISED.length ? median(detect) : Number.NaN, 'ms', {
      runs: detect.map(Math.round),
      shown: `${detect.length}/${RAISED.length}`,
      budget: 400,
    })

    // Outside calls: cues on vs off, no stream open either way.
    const on = await idleCpu(page, cdp)
    await setCues(page, false)
    const off = await idleCpu(page, cdp)
    report('cues.idle_cpu_pct', (on - off) * 100, '% of one core', {
      seconds: IDLE_S,
      on: Math.round(on * 10000) / 100,
      off: Math.round(off * 10000) / 100,
      budget: 0.1,
    })
  } finally {
    await browser?.close()
    await host?.stop()
    await pulse.dispose()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
