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
 * The built cue worklet on real sound: the web host serves the built renderer (its CSP included),
 * a headless PulseAudio carries a test dialogue's two parties (caller → `callerin`, agent →
 * `agentmic`), and the processor — loaded from the build's own asset, with the build's fvad WASM
 * compiled in the page — hears the agent talk over the caller and posts the cue, then the figures.
 */

const ASSETS = path.resolve(__dirname, '../../out/renderer/assets')

let pulse: TestPulse
let host: RunningHost
let browser: Browser
let dataDir: string

function asset(pattern: RegExp): string {
  const name = fs.readdirSync(ASSETS).find((file) => pattern.test(file))
  if (!name) throw new Error(`no ${pattern} in out/renderer/assets: run electron-vite build first`)
  return `/assets/${name}`
}

test.beforeAll(async () => {
  pulse = new TestPulse()
  await pulse.startTwoParty()
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-e2e-worklet-'))
  host = await startHost(dataDir)
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--autoplay-policy=no-user-gesture-required'],
    env: pulse.env,
  })
})

test.afterAll(async () => {
  await browser?.close()
  await host?.stop()
  await pulse?.dispose()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

interface PageState {
  signals: { type: string; kind?: string; at: number; onset?: number }[]
  figures: Record<string, number> | null
}

const state = (page: Page) => page.evaluate(() => (window as unknown as { cueTest: PageState }).cueTest)

test('the built processor runs under the app’s CSP, hears the overlap and posts the cue and the figures', async () => {
  test.setTimeout(90_000)
  const spec = DIALOGUES.find((d) => d.recipe.name === 'overlap-nl-en')
  if (!spec) throw new Error('no overlap-nl-en dialogue')
  const dialogue = buildDialogue(spec.recipe)
  const page = await browser.newPage()
  const violations: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy|Refused/.test(message.text())) violations.push(message.text())
  })
  const response = await page.goto(host.url)
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'")

  await page.evaluate(
    async ({ workletUrl, fvadUrl }) => {
      const w = window as unknown as { cueTest: PageState }
      w.cueTest = { signals: [], figures: null }
      const open = async (label: string) => {
        const device = (await navigator.mediaDevices.enumerateDevices()).find(
          (d) => d.kind === 'audioinput' && d.label === label,
        )
        if (!device) throw new Error(`no input ${label}`)
        return navigator.mediaDevices.getUserMedia({
          audio: {
            deviceId: { exact: device.deviceId },
            echoCancellation: false,
            noiseSuppression: false,
            autoGainControl: false,
          },
        })
      }
      const fvad = await WebAssembly.compile(await (await fetch(fvadUrl)).arrayBuffer())
      const context = new AudioContext({ sampleRate: 16_000, latencyHint: 'playback' })
      await context.audioWorklet.addModule(workletUrl)
      const node = new AudioWorkletNode(context, 'calmdeck-cues', {
        numberOfInputs: 2,
        numberOfOutputs: 0,
        channelCount: 1,
        channelCountMode: 'explicit',
        channelInterpretation: 'speakers',
        processorOptions: { fvad, enabled: ['let-them-finish', 'keep-level', 'caller-raised', 'venting'] },
      })
      context.createMediaStreamSource(await open('agentmic')).connect(node, 0, 0)
      context.createMediaStreamSource(await open('callerin')).connect(node, 0, 1)
      node.port.onmessage = (event: MessageEvent<{ type: string; signal?: never; figures?: never }>) => {
        if (event.data.type === 'signal' && event.data.signal) w.cueTest.signals.push(event.data.signal)
        if (event.data.type === 'figures' && event.data.figures) w.cueTest.figures = event.data.figures
      }
      ;(window as unknown as { finishCues: () => void }).finishCues = () => node.port.postMessage({ type: 'finish' })
      await context.resume()
    },
    { workletUrl: asset(/^cue-worklet-.*\.js$/), fvadUrl: asset(/^fvad-.*\.wasm$/) },
  )

  // Both parties at once, as on a call: each into its own sink.
  await Promise.all([pulse.play('caller', dialogue.files.caller), pulse.play('agent', dialogue.files.agent)])
  await expect
    .poll(async () => (await state(page)).signals.filter((s) => s.type === 'cue').map((s) => s.kind))
    .toEqual(['let-them-finish'])

  await page.evaluate(() => (window as unknown as { finishCues: () => void }).finishCues())
  await expect.poll(async () => (await state(page)).figures).not.toBeNull()
  const { figures } = await state(page)
  // The dialogue: each side speaks about 7 s of its 16 s, with one talk-over (a capture dropout on a
  // busy machine can split the agent's line and count its restart as a second one).
  expect(figures?.talkOvers).toBeGreaterThanOrEqual(1)
  expect(figures?.callerMs).toBeGreaterThan(5_000)
  expect(figures?.youMs).toBeGreaterThan(5_000)
  // The duration is what the processor heard: a busy machine's capture drops some of the 16 s
  // (14.5 s in a loaded CI run). Each frame it heard counts once in it and once in exactly one of
  // you alone, the caller alone, both or neither, so the figures add up whatever was dropped.
  const { youMs = 0, callerMs = 0, overlapMs = 0, silenceMs = 0, durationMs = 0 } = figures ?? {}
  expect(durationMs).toBeGreaterThan(callerMs)
  expect(youMs + callerMs - overlapMs + silenceMs).toBe(durationMs)
  expect(violations).toEqual([])
})
