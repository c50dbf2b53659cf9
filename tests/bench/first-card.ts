import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHost } from '../e2e/web-host'
import { launchChromium } from './chromium'
import { median, nowMs, report } from './stats'

const RUNS = 5
const FLOOR = path.join(__dirname, 'floor-host.mjs')

/**
 * From starting the web host process (fresh data folder) to the first card visible in an
 * already-running Chromium. Median of several runs, interleaved run by run with the floor
 * (`web.floor_first_paint_ms`): a bare Node process serving one element, started and waited for
 * the same way. The budget is 1.5 × the floor of the same run.
 */
export async function benchFirstCard(): Promise<void> {
  const browser = await launchChromium()
  const times: number[] = []
  const floors: number[] = []
  const firstPaint = async (entry?: string) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-web-'))
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
    const start = nowMs()
    const host = await startHost(dir, { entry })
    await page.goto(host.url)
    await page.getByTestId('card').waitFor({ state: 'visible' })
    const elapsed = nowMs() - start
    await page.close()
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
    return elapsed
  }
  try {
    for (let run = 0; run < RUNS; run++) {
      floors.push(await firstPaint(FLOOR))
      times.push(await firstPaint())
    }
  } finally {
    await browser.close()
  }
  const floor = median(floors)
  report('web.floor_first_paint_ms', floor, 'ms', { runs: RUNS, samples: floors.map((t) => Math.round(t)) })
  report('web.first_card_ms', median(times), 'ms', {
    runs: RUNS,
    samples: times.map((t) => Math.round(t)),
    ratio_to_floor: Math.round((median(times) / floor) * 100) / 100,
    budget_ratio: 1.5,
  })
}
