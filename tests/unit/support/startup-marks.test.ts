import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSchedstat } from '../../../electron/services/support/startup-marks'

const ROOT = path.resolve(__dirname, '../../..')

/** Marks two phases in a fresh Node process (the switch is read when the module loads) and prints the timings. */
function timingsIn(env: NodeJS.ProcessEnv): Record<string, number> {
  const script = `
    const { markStartup, startupTimings } = require('./electron/services/support/startup-marks.ts')
    markStartup('first')
    // 40 ms of CPU, however long a busy machine takes to give it.
    const cpu = () => { const { user, system } = process.cpuUsage(); return (user + system) / 1000 }
    const until = cpu() + 40
    while (cpu() < until);
    markStartup('second')
    console.log(JSON.stringify(startupTimings()))`
  const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, CALMDECK_STARTUP_TIMING: undefined, ...env },
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>
}

describe('parseSchedstat', () => {
  it('reads the time on a core and the time waiting for one, in ms', () => {
    expect(parseSchedstat('394482000 475726000 12\n')).toEqual({ cpu: 394.482, waited: 475.726 })
  })

  it('gives null for anything else', () => {
    expect(parseSchedstat('')).toBeNull()
    expect(parseSchedstat('12')).toBeNull()
    expect(parseSchedstat('a b c')).toBeNull()
  })
})

describe('startupTimings', () => {
  it('with CALMDECK_STARTUP_TIMING=1, gives each phase its CPU time by then (and on Linux its run-queue wait)', () => {
    const timings = timingsIn({ CALMDECK_STARTUP_TIMING: '1' })
    expect(timings.second).toBeGreaterThan(timings.first ?? Infinity)
    // The 40 ms of CPU between the marks, less what Node's other threads may have had of it.
    expect((timings['cpu:second'] ?? 0) - (timings['cpu:first'] ?? Infinity)).toBeGreaterThanOrEqual(20)
    if (process.platform === 'linux')
      expect(timings['waited:second']).toBeGreaterThanOrEqual(timings['waited:first'] ?? Infinity)
  })

  it('without it, gives the phases only', () => {
    const timings = timingsIn({})
    expect(Object.keys(timings)).toEqual(['node-bootstrap', 'first', 'second'])
  })
})
