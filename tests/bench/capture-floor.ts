import type { Browser, Page } from '@playwright/test'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** A processor that takes both inputs and does nothing with them. */
const NOOP_WORKLET = `registerProcessor('floor-noop', class extends AudioWorkletProcessor {
  constructor() { super(); this.port.onmessage = () => this.port.postMessage('ready') }
  process() { return true }
})`

/**
 * The capture floor of `cues.cpu_pct`: the least a page must do to receive the two streams the
 * cues analyse, as the cue capture opens them (both devices by name, no browser processing, one
 * 16 kHz context with no output that renders in 100 ms batches, an AudioWorklet on two mono inputs),
 * with a processor that does nothing. Served from a bare loopback server, opened in the browser
 * under test; `start` opens the streams, `stop` closes them.
 */
export async function captureFloor(
  browser: Browser,
  devices: { mic: string; caller: string },
): Promise<{ start(): Promise<void>; stop(): Promise<void>; close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    const worklet = request.url === '/noop.js'
    response.writeHead(200, { 'Content-Type': worklet ? 'text/javascript' : 'text/html' })
    response.end(worklet ? NOOP_WORKLET : '<!doctype html><title>capture floor</title>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const page: Page = await browser.newPage()
  await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)
  return {
    // Strings, so the bench's own build helpers (tsx names functions) do not leak into the page.
    start: () =>
      page.evaluate(`(async () => {
        const raw = { echoCancellation: false, noiseSuppression: false, autoGainControl: false }
        const inputs = await navigator.mediaDevices.enumerateDevices()
        const streams = []
        for (const label of ${JSON.stringify([devices.mic, devices.caller])}) {
          const device = inputs.find((input) => input.kind === 'audioinput' && input.label === label)
          if (!device) throw new Error('no input named ' + label)
          streams.push(await navigator.mediaDevices.getUserMedia({ audio: { ...raw, deviceId: { exact: device.deviceId } } }))
        }
        const context = new AudioContext({ sampleRate: 16000, latencyHint: 0.1, sinkId: { type: 'none' } })
        await context.audioWorklet.addModule('/noop.js')
        const node = new AudioWorkletNode(context, 'floor-noop', { numberOfInputs: 2, numberOfOutputs: 0, channelCount: 1, channelCountMode: 'explicit' })
        streams.forEach((stream, input) => context.createMediaStreamSource(stream).connect(node, 0, input))
        await new Promise((resolve) => { node.port.onmessage = resolve; node.port.postMessage('ready?') })
        window.floorCapture = { streams, context }
      })()`),
    stop: () =>
      page.evaluate(`(async () => {
        for (const stream of window.floorCapture.streams) for (const track of stream.getTracks()) track.stop()
        await window.floorCapture.context.close()
      })()`),
    close: async () => {
      await page.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
