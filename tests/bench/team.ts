/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createAppServices } from '../../electron/services/app-services'
import { BURST_WINDOW_MS } from '../../renderer/src/key-burst'
import { startHost } from '../e2e/web-host'
import { teamReceiver } from '../helpers/team-receiver'
import { launchChromium } from './chromium'
import { median, nowMs, percentile, report } from './stats'

const RUNS = 20

/**
 * The team channel, against a real HTTP receiver on 127.0.0.1:
 * - `team.help_to_post_ms`: the G key pressed in the window (Chromium, web host) until the
 *   receiver has the POST's whole body: renderer → WebSocket → action → outbox commit → render
 *   → HTTP. Median of 20. Budget 150 ms after the window holds the key `BURST_WINDOW_MS` (300 ms)
 *   to tell a command from typing (a help request is never sent from typing): 450 ms in all.
 * - `team.enqueue_to_post_ms`: the floor without the window: `help.request()` in-process until
 *   the POST arrived. Median of 20.
 */
export async function benchTeam(): Promise<void> {
  const receiver = await teamReceiver()
  try {
    await benchInProcess(receiver)
    await benchKeyToPost(receiver)
  } finally {
    await receiver.stop()
  }
}

async function benchInProcess(receiver: Awaited<ReturnType<typeof teamReceiver>>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-team-'))
  const services = createAppServices({ dataDir: dir, host: 'web', version: 'bench' })
  try {
    services.team.setEndpoint({ kind: 'teams', url: receiver.url })
    services.calls.start({ source: 'window' })
    const times: number[] = []
    for (let run = 0; run < RUNS + 1; run++) {
      const before = receiver.posts.length
      const t0 = nowMs()
      services.help.request('hotkey')
      await receiver.waitFor(before + 1)
      if (run > 0) times.push(nowMs() - t0)
    }
    report('team.enqueue_to_post_ms', median(times), 'ms', { runs: RUNS, p95: percentile(times, 95) })
  } finally {
    services.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function benchKeyToPost(receiver: Awaited<ReturnType<typeof teamReceiver>>): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-team-'))
  const seed = createAppServices({ dataDir: dir, host: 'web', version: 'bench' })
  seed.team.setEndpoint({ kind: 'teams', url: receiver.url })
  seed.close()
  const host = await startHost(dir)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
    await page.goto(host.url)
    await page.getByTestId('card').waitFor()
    await page.evaluate(() => {
      window.addEventListener(
        'keydown',
        () => ((window as unknown as { keyAt: number }).keyAt = performance.timeOrigin + performance.now()),
        { capture: true },
      )
    })
    await page.keyboard.press('c')
    await page.getByTestId('call-elapsed').waitFor()
    const times: number[] = []
    for (let run = 0; run < RUNS + 1; run++) {
      const before = receiver.posts.length
      await page.keyboard.press('g')
      await receiver.waitFor(before + 1)
      const keyAt = await page.evaluate(() => (window as unknown as { keyAt: number }).keyAt)
      const arrived = receiver.posts[before]!.at
      if (run > 0) times.push(arrived - keyAt)
    }
    report('team.help_to_post_ms', median(times), 'ms', {
      runs: RUNS,
      held_ms: BURST_WINDOW_MS,
      budget_ms: 150 + BURST_WINDOW_MS,
      p95: percentile(times, 95),
      samples: times.map((time) => Math.round(time)),
    })
  } finally {
    await browser.close()
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
