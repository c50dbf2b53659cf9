/// <reference lib="dom" />
import { chromium, type Browser, type Page } from '@playwright/test'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CUE_THRESHOLDS } from '../../shared/cues/thresholds'
import { startHost, type RunningHost } from '../e2e/web-host'
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium-options'
import { buildDialogue, type Dialogue } from '../helpers/dialogues/build'
import { DIALOGUES } from '../helpers/dialogues/dialogues'
import { TestPulse, waitFor } from '../helpers/pulse'
import { captureFloor } from './capture-floor'
import { browserPid, cpuShare, threadCpu, type CpuShare } from './process-cpu'
import { median, report } from './stats'

/** Dialogues with a raised caller: each is played once with cues off (the floor) and once on. */
const RAISED = ['caller-raised-10', 'caller-raised-12-noisy', 'caller-raised-wideband']
/** Each dialogue is played this many times over (medians of all). */
const ROUNDS = 2
/** Outside calls: rounds of cues on and off, each this long, after a settling pause. */
const IDLE_S = 10
const IDLE_ROUNDS = 4
const IDLE_SETTLE_S = 5

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

/** Plays a dialogue in a call; returns the browser's CPU share and, with cues on, when the raised cue showed. */
async function playInCall(
  page: Page,
  browserRoot: number,
  pulse: TestPulse,
  played: Dialogue,
  cues: boolean,
): Promise<{
  cpu: CpuShare
  cueAt: number | null
  startedAt: number
  shown: string[]
}> {
  await page.keyboard.press('c')
  await page.getByTestId('call-elapsed').waitFor()
  // With cues, both streams open on the sound server before the dialogue plays.
  if (cues) await waitFor('both capture streams open', () => pulse.browserCaptures() === 2)
  // When the raised-voice cue first shows, and each cue the call showed (to say why one is missing).
  await page.evaluate(`window.__cueSeenAt = null
    window.__cuesShown = []
    new MutationObserver(() => {
      for (const cue of document.querySelectorAll('[data-testid^="cue-"]')) {
        const id = cue.getAttribute('data-testid')
        if (!window.__cuesShown.includes(id)) window.__cuesShown.push(id)
      }
      if (window.__cueSeenAt === null && document.querySelector('[data-testid="cue-caller-raised"]')) window.__cueSeenAt = Date.now()
    }).observe(document.body, { childList: true, subtree: true })`)
  const before = threadCpu(browserRoot)
  const startedAt = Date.now()
  await Promise.all([pulse.play('caller', played.files.caller), pulse.play('agent', played.files.agent)])
  const seconds = (Date.now() - startedAt) / 1000
  const cpu = cpuShare(before, threadCpu(browserRoot), seconds)
  const cueAt = (await page.evaluate('window.__cueSeenAt')) as number | null
  const shown = (await page.evaluate('window.__cuesShown')) as string[]
  await page.keyboard.press('e')
  await page.getByTestId('call-elapsed').waitFor({ state: 'detached' })
  await page.getByTestId('listening-mark').waitFor({ state: 'detached' })
  return { cpu, cueAt, startedAt, shown }
}

async function idleCpu(page: Page, browserRoot: number): Promise<number> {
  const before = threadCpu(browserRoot)
  const start = Date.now()
  await page.waitForTimeout(IDLE_S * 1000)
  return cpuShare(before, threadCpu(browserRoot), (Date.now() - start) / 1000).total
}

/**
 * The live cues in Chromium on a real two-party PulseAudio: the browser's CPU (every process:
 * the renderer, the audio service where capture runs, GPU …, counted per thread from /proc; the
 * DevTools process list left the audio service out) with both streams live in a call minus the
 * same window in a call without cues, the
 * time from a raised voice's true onset to the cue on screen minus the 2 s hold, and the CPU
 * outside calls with cues on minus with cues off (no stream is open then).
 */
export async function benchCues(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-cues-'))
  const pulse = new TestPulse()
  let host: RunningHost | null = null
  let browser: Browser | null = null
  let capture: Awaited<ReturnType<typeof captureFloor>> | null = null
  try {
    await pulse.startTwoParty()
    host = await startHost(dir)
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'],
      env: pulse.env,
    })
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } })
    await page.goto(host.url)
    await page.getByTestId('card').waitFor()
    const root = await browserPid(await browser.newBrowserCDPSession())
    const floorPage = await captureFloor(browser, { mic: 'agentmic', caller: 'callerin' })
    capture = floorPage

    const extra: number[] = []
    /** The capture floor: a bare page receiving the same two streams, minus the same call without cues. */
    const captureExtra: number[] = []
    const extraRenderer: number[] = []
    const extraAudioService: number[] = []
    const extraMain: number[] = []
    /** Per thread, the extra share of each pair: with cues, and for the capture floor. */
    const extraThreads = new Map<string, number[]>()
    const captureThreads = new Map<string, number[]>()
    const addThreads = (into: Map<string, number[]>, over: CpuShare, share: CpuShare) => {
      const base = new Map(over.threads)
      for (const [thread, value] of share.threads) {
        const list = into.get(thread) ?? []
        list.push((value - (base.get(thread) ?? 0)) * 100)
        into.set(thread, list)
      }
    }
    /** The threads whose median extra share is 0.1 % of a core or more, largest first. */
    const topThreads = (from: Map<string, number[]>) =>
      Object.fromEntries(
        [...from]
          .map(([thread, shares]) => [thread, Math.round(median(shares) * 100) / 100] as const)
          .filter(([, share]) => Math.abs(share) >= 0.1)
          .sort((a, b) => b[1] - a[1]),
      )
    const detect: number[] = []
    const perCall: { dialogue: string; detectMs: number | null; shown: string[] }[] = []
    /** One dialogue in a call with cues off (the floor), then with cues on; the CPU difference. */
    const pair = async (name: string) => {
      const played = dialogue(name)
      const onset = played.truth.cues.find((cue) => cue.kind === 'caller-raised')?.onset
      if (onset === undefined) throw new Error(`${name} has no raised voice in its truth`)
      await setCues(page, false)
      const floor = await playInCall(page, root, pulse, played, false)
      // The same call without cues while a bare page captures the same two streams.
      await floorPage.start()
      await waitFor('both streams of the capture floor open', () => pulse.browserCaptures() === 2)
      const captureOnly = await playInCall(page, root, pulse, played, false)
      await floorPage.stop()
      await waitFor('the capture floor closed', () => pulse.browserCaptures() === 0)
      await setCues(page, true)
      const live = await playInCall(page, root, pulse, played, true)
      const detectMs =
        live.cueAt === null ? null : live.cueAt - (live.startedAt + onset) - CUE_THRESHOLDS.callerRaisedHoldMs
      perCall.push({ dialogue: name, detectMs: detectMs === null ? null : Math.round(detectMs), shown: live.shown })
      return { floor: floor.cpu, live: live.cpu, captureOnly: captureOnly.cpu, detectMs }
    }
    // The window's first call with cues pays once for fetching the worklet, compiling the voice
    // detector and warming its code: reported apart, not counted in the steady figure.
    const first = await pair(RAISED[0] ?? '')
    perCall.length = 0
    for (let round = 0; round < ROUNDS; round++) {
      for (const name of RAISED) {
        const { floor, live, captureOnly, detectMs } = await pair(name)
        extra.push((live.total - floor.total) * 100)
        captureExtra.push((captureOnly.total - floor.total) * 100)
        extraRenderer.push((live.renderer - floor.renderer) * 100)
        extraAudioService.push((live.audioService - floor.audioService) * 100)
        extraMain.push((live.rendererMain - floor.rendererMain) * 100)
        addThreads(extraThreads, floor, live)
        addThreads(captureThreads, floor, captureOnly)
        if (detectMs !== null) detect.push(detectMs)
      }
    }
    const round = (value: number) => Math.round(value * 100) / 100
    report('cues.capture_floor_pct', median(captureExtra), '% of one core', {
      what: 'a bare page receiving the same two streams into a no-op AudioWorklet at 16 kHz, minus the call without cues',
      runs: captureExtra.map(round),
      threads: topThreads(captureThreads),
    })
    report('cues.cpu_pct', median(extra), '% of one core', {
      runs: extra.map(round),
      ratio_to_capture_floor: round(median(extra) / median(captureExtra)),
      first_call: round((first.live.total - first.floor.total) * 100),
      // Where it goes: the audio service's capture, the renderer (of which its main thread), and
      // the threads that add the most.
      audioService: round(median(extraAudioService)),
      renderer: round(median(extraRenderer)),
      rendererMain: round(median(extraMain)),
      threads: topThreads(extraThreads),
      budget: 2,
    })
    report('cues.detect_ms', detect.length === perCall.length ? median(detect) : Number.NaN, 'ms', {
      runs: perCall,
      shown: `${detect.length}/${perCall.length}`,
      budget: 400,
    })

    // Outside calls: cues on vs off, no stream open either way. The two states alternate after a
    // settling pause, so whatever the calls just before leave behind (GC, streams winding down)
    // does not fall on one of them.
    await page.waitForTimeout(IDLE_SETTLE_S * 1000)
    const on: number[] = []
    const off: number[] = []
    for (let pass = 0; pass < IDLE_ROUNDS; pass++) {
      for (const cuesOn of pass % 2 === 0 ? [true, false] : [false, true]) {
        await setCues(page, cuesOn)
        ;(cuesOn ? on : off).push(await idleCpu(page, root))
      }
    }
    report('cues.idle_cpu_pct', (median(on) - median(off)) * 100, '% of one core', {
      seconds: IDLE_S * IDLE_ROUNDS * 2,
      on: on.map((value) => round(value * 100)),
      off: off.map((value) => round(value * 100)),
      budget: 0.1,
    })
  } finally {
    await capture?.close()
    await browser?.close()
    await host?.stop()
    await pulse.dispose()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
