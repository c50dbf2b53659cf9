import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHost } from '../e2e/web-host'
import { launchChromium } from './chromium'
import { median, nowMs, report } from './stats'

const RUNS = 5

/**
 * From starting the web host process (fresh data folder) to the first card visible in an
 * already-running Chromium. Median of several runs.
 */
export async function benchFirstCard(): Promise<void> {
  const browser = await launchChromium()
  const times: number[] = []
  try {
    for (let run = 0; run < RUNS; run++) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-web-'))
      const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
      const start = nowMs()
      const host = await startHost(dir)
      await page.goto(host.url)
      await page.getByTestId('card').waitFor({ state: 'visible' })
      times.push(nowMs() - start)
      await page.close()
      await host.stop()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  } finally {
    await browser.close()
  }
  report('web.first_card_ms', median(times), 'ms', { runs: RUNS, samples: times.map((t) => Math.round(t)) })
}
