import { chromium, expect, test, type Browser, type Page } from '@playwright/test'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/chromium-options'
import { TestPulse } from '../helpers/pulse'
import { tempDir } from '../helpers/temp-dir'

/**
 * The cues' two parties on a real headless PulseAudio: each plays into its own null sink, whose
 * monitor is remapped as an ordinary input. Chromium (real devices, permission granted by
 * `--use-fake-ui-for-media-stream`, no fake device) lists both and reads the level of what each
 * party played, and only on that party's input.
 */

let pulse: TestPulse
let browser: Browser
let server: http.Server
let url: string
let files: { dir: string; cleanup: () => void }

/** A 440 Hz tone at 8000/32768 (RMS 0.173), mono 16 kHz s16le. */
function tone(file: string, seconds: number): string {
  const samples = new Int16Array(16_000 * seconds)
  for (let i = 0; i < samples.length; i++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / 16_000))
  fs.writeFileSync(file, Buffer.from(samples.buffer))
  return file
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>two parties</title><script>
window.levels = {}
window.listen = async (label) => {
  const devices = await navigator.mediaDevices.enumerateDevices()
  const device = devices.find((d) => d.kind === 'audioinput' && d.label === label)
  if (!device) throw new Error('no input ' + label)
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { deviceId: { exact: device.deviceId }, echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  })
  const context = new AudioContext()
  const analyser = context.createAnalyser()
  analyser.fftSize = 2048
  context.createMediaStreamSource(stream).connect(analyser)
  const buffer = new Float32Array(analyser.fftSize)
  window.levels[label] = 0
  setInterval(() => {
    analyser.getFloatTimeDomainData(buffer)
    let sum = 0
    for (const s of buffer) sum += s * s
    window.levels[label] = Math.max(window.levels[label], Math.sqrt(sum / buffer.length))
  }, 20)
}
</script>`

test.beforeAll(async () => {
  pulse = new TestPulse()
  await pulse.startTwoParty()
  files = tempDir('calmdeck-two-party-')
  server = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream'],
    env: pulse.env,
  })
})

test.afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => server?.close(resolve))
  await pulse?.dispose()
  files?.cleanup()
})

const levels = (page: Page) => page.evaluate(() => (window as unknown as { levels: Record<string, number> }).levels)

test('lists both remapped sources and reads each party’s level on its own input only', async () => {
  const page = await browser.newPage()
  await page.goto(url)
  const labels = await page.evaluate(async () =>
    (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput').map((d) => d.label),
  )
  expect(labels).toEqual(expect.arrayContaining(['callerin', 'agentmic']))
  // The monitors themselves stay hidden (why the remap is needed).
  expect(labels.filter((label) => label.startsWith('Monitor of'))).toEqual([])
  expect(labels).toHaveLength(new Set(labels).size)

  await page.evaluate(async () => {
    const w = window as unknown as { listen: (label: string) => Promise<void> }
    await w.listen('callerin')
    await w.listen('agentmic')
  })
  const file = tone(path.join(files.dir, 'tone.raw'), 2)

  await pulse.play('caller', file)
  await expect.poll(async () => (await levels(page))['callerin']).toBeGreaterThan(0.15)
  const afterCaller = await levels(page)
  expect(afterCaller['callerin']).toBeLessThan(0.2)
  expect(afterCaller['agentmic']).toBeLessThan(0.001)

  await pulse.play('agent', file)
  await expect.poll(async () => (await levels(page))['agentmic']).toBeGreaterThan(0.15)
  expect((await levels(page))['agentmic']).toBeLessThan(0.2)
})
