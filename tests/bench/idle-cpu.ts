/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHost } from '../e2e/web-host'
import { launchChromium } from './chromium'
import { report } from './stats'

const WINDOW_S = 30

/**
 * CPU the renderer's main thread uses while a recovery countdown is on screen, over 30 s, and
 * with the page hidden, as % of one core (Chromium's TaskDuration metric over the same span).
 * Hiding is simulated for the app (document.hidden and a visibilitychange event): headless
 * Chromium offers no real hidden state, and it is the app's own work we measure.
 */
export async function benchIdleCpu(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-idle-'))
  const host = await startHost(dir)
  const browser = await launchChromium()
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
    await page.goto(host.url)
    await page.getByTestId('card').waitFor()
    await page.keyboard.press('w')
    await page.getByTestId('recovery-remaining').waitFor()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const busySeconds = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics')
      return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? Number.NaN
    }
    const measure = async () => {
      const before = await busySeconds()
      await page.waitForTimeout(WINDOW_S * 1000)
      return ((await busySeconds()) - before) / WINDOW_S
    }
    report('idle.renderer_cpu_pct', (await measure()) * 100, '%', { seconds: WINDOW_S, budget: 1 })
    // A string, so the bench's own build helpers do not leak into the page.
    await page.evaluate(`
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true })
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' })
      document.dispatchEvent(new Event('visibilitychange'))
    `)
    report('idle.renderer_cpu_hidden_pct', (await measure()) * 100, '%', { seconds: WINDOW_S, budget: 0 })
  } finally {
    await browser.close()
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
