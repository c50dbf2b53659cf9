/// <reference lib="dom" />
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { startHost } from '../e2e/web-host'
import type { Browser, Page } from '@playwright/test'
import vue from '@vitejs/plugin-vue'
import { build } from 'vite'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { STARTUP_TIMING_ENV } from '../../electron/services/support/startup-marks'
import { COMPILE_CACHE_ENV } from '../../electron/services/startup/compile-cache'
import { launchChromium } from './chromium'
import { median, nowMs, report } from './stats'

const RUNS = 9
const FLOOR = path.join(__dirname, 'floor-host.mjs')
const VUE_FLOOR = path.join(__dirname, 'floor-vue-host.mjs')
/** Built into a temporary folder: nothing of the bench lands in `out/` (which is packaged). */
const VUE_FLOOR_PAGE = path.join(os.tmpdir(), `calmdeck-bench-floor-vue-${process.pid}`)

/**
 * The Vue floor's page (floor-vue/), built as the renderer is: vite, the Vue plugin, the same
 * compile-time flags, minified.
 */
async function buildVueFloor(): Promise<void> {
  await build({
    configFile: false,
    root: path.join(__dirname, 'floor-vue'),
    logLevel: 'warn',
    plugins: [vue()],
    define: {
      __VUE_OPTIONS_API__: 'false',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    // As electron-vite builds the renderer: no module-preload polyfill (Chromium has it).
    build: { outDir: VUE_FLOOR_PAGE, emptyOutDir: true, minify: true, modulePreload: { polyfill: false } },
  })
}

/** One start: total, and for the host the end of each phase (ms from the bench's spawn). */
interface Start {
  total: number
  phases: Record<string, number>
}

/**
 * From starting the web host process (fresh data folder) to the first card visible in an
 * already-running Chromium. Median of several runs, interleaved run by run with two floors started
 * and waited for the same way: `web.floor_vue_ws_ms` (a bare Node process serving a vite-built
 * Vue + Pinia page with the host's security headers, which opens one WebSocket to it, makes one
 * round trip and renders the answer: floor-vue-host.mjs) and `web.floor_first_paint_ms` (one
 * element). The budget is 1.3 × the Vue floor of the same run.
 *
 * `web.first_card_phases_ms` says where the time goes: the host's own marks
 * (CALMDECK_STARTUP_TIMING=1, from the process's start, with its main thread's CPU time and run-queue
 * wait by then), "announced" (the listening line
 * arrived here), then the page's navigation timing and the card.
 */
export async function benchFirstCard(): Promise<void> {
  await buildVueFloor()
  const browser = await launchChromium()
  const times: Start[] = []
  const floors: Start[] = []
  const vueFloors: Start[] = []
  // Empty at first: the first start is one after an install (nothing compiled yet), the others
  // are like every start after it.
  const compileCache = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-compile-cache-'))
  const firstPaint = async (entry?: string, args: string[] = []): Promise<Start> => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-web-'))
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
    const env = {
      ...process.env,
      [STARTUP_TIMING_ENV]: '1',
      FLOOR_CSP: CONTENT_SECURITY_POLICY,
      [COMPILE_CACHE_ENV]: compileCache,
    }
    const card = await watchCard(page)
    const start = nowMs()
    const host = await startHost(dir, { entry, env, args })
    const announced = nowMs() - start
    await card.open(host.url)
    const total = nowMs() - start
    const inPage = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
      return { response: nav?.responseEnd ?? 0, domReady: nav?.domContentLoadedEventEnd ?? 0, now: performance.now() }
    })
    // What the page still does after its first card (prefetching the other views) ends here, not
    // in the next sample's start (the floor's, every other run).
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {})
    await page.close()
    const marks = /startup (\{.*\})/.exec(host.output())?.[1]
    await host.stop()
    fs.rmSync(dir, { recursive: true, force: true })
    // The page's clock starts at navigation; its "now" is (about) `total` on ours.
    const pageAt = (ms: number) => total - inPage.now + ms
    const phases: Record<string, number> = {
      ...(marks ? (JSON.parse(marks) as Record<string, number>) : {}),
      announced,
      'page-response': pageAt(inPage.response),
      'page-dom-ready': pageAt(inPage.domReady),
      'card-visible': total,
    }
    return { total, phases }
  }
  const warm = { card: [] as number[], floor: [] as number[], vue: [] as number[] }
  try {
    for (let run = 0; run < RUNS; run++) {
      floors.push(await firstPaint(FLOOR))
      vueFloors.push(await firstPaint(VUE_FLOOR, ['--root', VUE_FLOOR_PAGE]))
      times.push(await firstPaint())
    }
    await warmPages(browser, warm)
  } finally {
    await browser.close()
    fs.rmSync(VUE_FLOOR_PAGE, { recursive: true, force: true })
    fs.rmSync(compileCache, { recursive: true, force: true })
  }
  const floor = median(floors.map((s) => s.total))
  const vueFloor = median(vueFloors.map((s) => s.total))
  const card = median(times.map((s) => s.total))
  report('web.floor_first_paint_ms', floor, 'ms', { runs: RUNS, samples: floors.map((s) => Math.round(s.total)) })
  report('web.floor_vue_ws_ms', vueFloor, 'ms', {
    runs: RUNS,
    what: 'vite-built Vue + Pinia page, one WebSocket round trip to a bare Node server, its answer rendered',
    samples: vueFloors.map((s) => Math.round(s.total)),
  })
  report('web.first_card_ms', card, 'ms', {
    runs: RUNS,
    samples: times.map((s) => Math.round(s.total)),
    ratio_to_floor: Math.round((card / vueFloor) * 100) / 100,
    budget_ratio: 1.3,
    pass: card <= 1.3 * vueFloor,
    ratio_to_one_element_floor: Math.round((card / floor) * 100) / 100,
    first_start_without_compile_cache: Math.round(times[0]?.total ?? Number.NaN),
  })
  const host = medianPhases(times)
  report('web.first_card_phases_ms', card, 'ms', {
    host: pick(host, (name) => !name.includes(':')),
    // The host's main thread by each phase's end: its CPU time, and its time runnable but waiting
    // for a core (Linux). A long phase with little CPU and a long wait was starved, not slow.
    host_cpu: pick(host, (name) => name.startsWith('cpu:')),
    host_waited: pick(host, (name) => name.startsWith('waited:')),
    vue_floor: medianPhases(vueFloors),
    floor: medianPhases(floors),
  })
}

/**
 * The card can be seen: it has a size, and neither it nor anything around it is fully transparent
 * (a window kept hidden until its first answers are in would count too early). Looked for every
 * frame by a script of the page's own from its first moment, which reports to the bench through
 * a binding: nothing of Playwright's runs in the page meanwhile. (Waiting with Playwright's
 * `waitForFunction` evaluates its ~30 ms injected script in the page once loaded: in the middle of
 * a window that shows its card after the load event, and after a floor's, which shows it sooner.)
 */
const CARD_SHOWN = `(() => {
  const visible = () => {
    const card = document.querySelector('[data-testid="card"]')
    if (!card || card.getBoundingClientRect().height === 0) return false
    for (let element = card; element; element = element.parentElement) {
      if (Number(getComputedStyle(element).opacity) === 0) return false
    }
    return true
  }
  const look = () => (visible() ? window.benchCardShown() : requestAnimationFrame(look))
  requestAnimationFrame(look)
})()`

/**
 * Readies `page` to report its card (before the clock starts); `open(url)` resolves once the
 * card can be seen there (at most 15 s).
 */
async function watchCard(page: Page): Promise<{ open(url: string): Promise<void> }> {
  let shown: () => void = () => {}
  const seen = new Promise<void>((resolve) => (shown = resolve))
  await page.exposeFunction('benchCardShown', () => shown())
  await page.addInitScript(CARD_SHOWN)
  return {
    open: async (url) => {
      await page.goto(url, { waitUntil: 'commit' })
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no card within 15 s at ${url}`)), 15_000)
      })
      await Promise.race([seen, late]).finally(() => clearTimeout(timer))
    },
  }
}

/**
 * The page alone: a fresh tab opened on a host (and the floors) already up, run by run. What is
 * left of the first card when starting the process, loading the services and opening the database
 * cost nothing: the window's own share (its script, the bridge, six requests, the render), against
 * the Vue floor's page (`web.warm_vue_floor_ms`): the part of the cold ratio that is the page's.
 */
async function warmPages(browser: Browser, warm: { card: number[]; floor: number[]; vue: number[] }): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-warm-'))
  const host = await startHost(path.join(dir, 'host'))
  const floor = await startHost(path.join(dir, 'floor'), { entry: FLOOR })
  const vueFloor = await startHost(path.join(dir, 'vue-floor'), {
    entry: VUE_FLOOR,
    args: ['--root', VUE_FLOOR_PAGE],
    env: { ...process.env, FLOOR_CSP: CONTENT_SECURITY_POLICY },
  })
  const open = async (url: string) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 480 } })
    const card = await watchCard(page)
    const start = nowMs()
    await card.open(url)
    const elapsed = nowMs() - start
    await page.waitForLoadState('networkidle', { timeout: 5000 }).catch(() => {})
    await page.close()
    return elapsed
  }
  try {
    await open(host.url) // the host's first page (its deferred start) is the cold figure's
    for (let run = 0; run < RUNS; run++) {
      warm.floor.push(await open(floor.url))
      warm.vue.push(await open(vueFloor.url))
      warm.card.push(await open(host.url))
    }
  } finally {
    await host.stop()
    await floor.stop()
    await vueFloor.stop()
    fs.rmSync(dir, { recursive: true, force: true })
  }
  const card = median(warm.card)
  const floorMs = median(warm.floor)
  const vueMs = median(warm.vue)
  report('web.warm_floor_paint_ms', floorMs, 'ms', { runs: RUNS, samples: warm.floor.map(Math.round) })
  report('web.warm_vue_floor_ms', vueMs, 'ms', { runs: RUNS, samples: warm.vue.map(Math.round) })
  report('web.warm_card_ms', card, 'ms', {
    runs: RUNS,
    samples: warm.card.map(Math.round),
    ratio_to_warm_floor: Math.round((card / floorMs) * 100) / 100,
    ratio_to_warm_vue_floor: Math.round((card / vueMs) * 100) / 100,
  })
}

/** The phases whose names `keep` (without its `cpu:`/`waited:` prefix). */
function pick(phases: Record<string, number>, keep: (name: string) => boolean): Record<string, number> {
  return Object.fromEntries(
    Object.entries(phases)
      .filter(([name]) => keep(name))
      .map(([name, ms]) => [name.replace(/^(cpu|waited):/, ''), ms]),
  )
}

/** Per phase, the median over the runs of when it ended. */
function medianPhases(starts: readonly Start[]): Record<string, number> {
  const names = [...new Set(starts.flatMap((s) => Object.keys(s.phases)))]
  return Object.fromEntries(
    names.map((name) => [name, Math.round(median(starts.map((s) => s.phases[name] ?? Number.NaN)))]),
  )
}
