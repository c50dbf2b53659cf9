import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { createAppServices } from '../../electron/services/app-services'
import { purgeOlderThan } from '../../electron/services/storage/retention'
import { seedYear } from './export'
import { median, nowMs, percentile, report } from './stats'

const RUNS = 3

/**
 * Retention purging a whole year (15,000 calls, 150,000 events, 15,000 notes) and giving the space
 * back: the total time, the longest single step (transaction or vacuum step) as the purge measures
 * it, and the longest the event loop was held as Node's own delay monitor saw it. Medians of 3 runs.
 */
export async function benchRetention(): Promise<void> {
  const totals: number[] = []
  const steps: number[] = []
  const delays: number[] = []
  const p95: number[] = []
  const cpuMax: number[] = []
  let detail: Record<string, unknown> = {}
  for (let run = 0; run < RUNS; run++) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-retention-'))
    const services = createAppServices({ dataDir: dir, host: 'web', version: 'bench' })
    try {
      seedYear(services.db)
      services.db.pragma('wal_checkpoint(TRUNCATE)')
      const pages = services.db.pragma('page_count', { simple: true }) as number
      const wall: number[] = []
      const cpuSteps: number[] = []
      const monitor = monitorEventLoopDelay({ resolution: 1 })
      monitor.enable()
      const started = nowMs()
      const cpuBefore = process.cpuUsage()
      let cpuMark = cpuBefore
      const result = await purgeOlderThan(services.db, Date.parse('2027-06-01T00:00:00Z'), {
        onStep: (ms) => {
          const cpu = process.cpuUsage(cpuMark)
          cpuMark = process.cpuUsage()
          wall.push(ms)
          cpuSteps.push((cpu.user + cpu.system) / 1000)
        },
      })
      totals.push(nowMs() - started)
      monitor.disable()
      steps.push(result.maxBlockMs)
      delays.push(monitor.max / 1e6)
      p95.push(percentile(wall, 95))
      cpuMax.push(Math.max(...cpuSteps))
      detail = {
        calls: result.calls,
        events: result.events,
        notes: result.notes,
        steps: result.steps,
        pages_before: pages,
        pages_after: services.db.pragma('page_count', { simple: true }),
      }
    } finally {
      services.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }
  report('retention.year_purge_ms', median(totals), 'ms', { runs: RUNS, ...detail })
  const load = os.loadavg()[0]
  report('retention.max_step_ms', median(steps), 'ms', { runs: RUNS, budget_ms: 16, p95_ms: median(p95), load })
  // CPU time between step ends (the step plus the loop turn after it): what the purge itself costs,
  // without the waits a busy machine adds.
  report('retention.max_step_cpu_ms', median(cpuMax), 'ms', { runs: RUNS, budget_ms: 16, load })
  report('retention.max_loop_delay_ms', median(delays), 'ms', { runs: RUNS, budget_ms: 16 })
}
