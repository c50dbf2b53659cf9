/// <reference lib="dom" />
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { readConnection } from '../../electron/services/integrations/local-api-files'
import { startHost } from '../e2e/web-host'
import { launchChromium } from './chromium'
import { median, nowMs, report } from './stats'

const BIN = path.resolve(__dirname, '../../bin/calmdeck-event.cjs')
const CLI_RUNS = 20
const UI_RUNS = 10

/**
 * Softphone hooks against a running web host:
 * - `hook.cli_exit_ms`: `calmdeck-event` from spawn to exit (node start-up included), median of 20.
 * - `hook.event_to_ui_ms`: an event posted to the local API until the call strip shows the call
 *   in the page (the next animation frame after the DOM changed), median of 10.
 */
export async function benchHooks(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-hook-'))
  const host = await startHost(dir)
  try {
    await localApiUp(dir)
    const times: number[] = []
    for (let run = 0; run < CLI_RUNS; run++) {
      const event = run % 2 === 0 ? 'call-start' : 'call-end'
      times.push(await timeCli([event, '--id', `bench-${Math.floor(run / 2)}`, '--data-dir', dir]))
    }
    report('hook.cli_exit_ms', median(times), 'ms', {
      runs: CLI_RUNS,
      budget_ms: 300,
      samples: times.map((time) => Math.round(time)),
    })
    await benchEventToUi(host.url, dir)
  } finally {
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * The host says it listens before its services (and so the local API) are up: they come up once a
 * first page has loaded, or a quarter second after listening. Waits for the API's port file.
 */
async function localApiUp(dir: string): Promise<void> {
  const deadline = nowMs() + 10_000
  while (!readConnection(dir).ok) {
    if (nowMs() > deadline) throw new Error('the web host started no local API')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

function timeCli(args: string[]): Promise<number> {
  const start = nowMs()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    let errors = ''
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()))
    child.on('exit', (code) => {
      const elapsed = nowMs() - start
      if (code === 0) resolve(elapsed)
      else reject(new Error(`calmdeck-event failed: ${errors.trim()}`))
    })
  })
}

async function benchEventToUi(url: string, dir: string): Promise<void> {
  const connection = readConnection(dir)
  if (!connection.ok) throw new Error('the web host wrote no local API port')
  const post = (body: object) =>
    fetch(`http://127.0.0.1:${connection.port}/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${connection.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    }).then((res) => {
      if (!res.ok) throw new Error(`the local API answered ${res.status}`)
    })
  const browser = await launchChromium()
  const times: number[] = []
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
    await page.goto(url)
    await page.getByTestId('card').waitFor()
    for (let run = 0; run < UI_RUNS + 1; run++) {
      await page.evaluate(() => {
        const win = window as unknown as { seen?: Promise<number> }
        win.seen = new Promise((resolve) => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector('[data-testid="call-elapsed"]')) return
            observer.disconnect()
            requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now()))
          })
          observer.observe(document.body, { subtree: true, childList: true, characterData: true })
        })
      })
      const postedAt = performance.timeOrigin + performance.now()
      await post({ type: 'answered', id: `ui-${run}` })
      const seenAt = await page.evaluate(() => (window as unknown as { seen: Promise<number> }).seen)
      if (run > 0) times.push(seenAt - postedAt)
      await post({ type: 'ended', id: `ui-${run}` })
      await page.getByTestId('call-start').waitFor()
    }
  } finally {
    await browser.close()
  }
  report('hook.event_to_ui_ms', median(times), 'ms', {
    runs: UI_RUNS,
    budget_ms: 100,
    samples: times.map((time) => Math.round(time)),
  })
}
