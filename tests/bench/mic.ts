import fs from 'node:fs'
import { createAppServices } from '../../electron/services/app-services'
import { PulseMicMonitor } from '../../electron/services/integrations/mic/pulse-monitor'
import { TestPulse, waitFor } from '../helpers/pulse'
import { tempDir } from '../helpers/temp-dir'
import { median, nowMs, percentile, report } from './stats'

const START_MS = 200
const RELEASE_MS = 300
const RUNS = 15
const IDLE_S = 20

/** CPU seconds (user + system) of a process and its children, from /proc. */
function cpuSeconds(pid: number): number {
  const ticks = 100
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const own = Number(fields[11]) + Number(fields[12])
  const children = fs
    .readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .split(' ')
    .filter(Boolean)
    .map((child) => {
      try {
        return cpuSeconds(Number(child)) * ticks
      } catch {
        return 0
      }
    })
  return (own + children.reduce((a, b) => a + b, 0)) / ticks
}

/**
 * The microphone source on a real headless PulseAudio, in this process (the services a host
 * runs). `mic.detect_to_call_ms`: from spawning `parecord` (the phone) to the `calls:changed`
 * broadcast that shows the call, minus the configured start delay (so it includes parecord's own
 * start). `mic.idle_cpu_pct`: this process and its children (`pactl subscribe`) with the source
 * on and nothing happening, % of one core.
 */
export async function benchMic(): Promise<void> {
  const pulse = new TestPulse()
  await pulse.start()
  const { dir, cleanup } = tempDir('calmdeck-bench-mic-')
  let shownAt = 0
  const services = createAppServices({
    dataDir: dir,
    host: 'web',
    version: 'bench',
    broadcast: (event, data) => {
      if (event === 'calls:changed' && (data as { call: unknown }).call) shownAt = nowMs()
    },
    microphone: {
      monitor: () => new PulseMicMonitor({ env: pulse.env }),
      delaysMs: { start: START_MS, release: RELEASE_MS },
    },
  })
  try {
    services.settings.update({ micSource: true, micApps: { pacat: 'phone' }, callEventsLocal: false })
    await services.integrations.start({ apiPort: 0 })
    await waitFor(
      'the source on',
      () => services.integrations.status().find((s) => s.id === 'microphone')?.state === 'on',
    )

    const latencies: number[] = []
    for (let run = 0; run < RUNS; run++) {
      shownAt = 0
      const opened = nowMs()
      const stop = pulse.record('mic')
      await waitFor('a call', () => shownAt > 0, 5_000)
      latencies.push(shownAt - opened - START_MS)
      await stop()
      await waitFor('the call to end', () => services.calls.openCall() === null, 5_000)
    }
    report('mic.detect_to_call_ms', median(latencies), 'ms', {
      p90: Math.round(percentile(latencies, 90) * 10) / 10,
      runs: RUNS,
      startDelayMs: START_MS,
      budget: 250,
    })

    await new Promise((resolve) => setTimeout(resolve, 1_000))
    const before = cpuSeconds(process.pid)
    await new Promise((resolve) => setTimeout(resolve, IDLE_S * 1000))
    const used = cpuSeconds(process.pid) - before
    report('mic.idle_cpu_pct', (used / IDLE_S) * 100, '%', { seconds: IDLE_S, budget: 0.5 })
  } finally {
    await services.integrations.close()
    services.close()
    await pulse.dispose()
    cleanup()
  }
}
