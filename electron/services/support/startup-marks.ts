import fs from 'node:fs'
import { performance } from 'node:perf_hooks'

const PREFIX = 'calmdeck:'

/** Set to `1`, the web host prints where its start went (`startupTimings`), for the first-card bench. */
export const STARTUP_TIMING_ENV = 'CALMDECK_STARTUP_TIMING'

/** This thread's CPU time and its time runnable but waiting for a core, in ms since it started. */
export interface ThreadTime {
  cpu: number
  /** Linux only (`/proc/thread-self/schedstat`): what a busy machine costs a start beyond its own work. */
  waited?: number
}

/** Whether this process was started with `CALMDECK_STARTUP_TIMING=1` (read once, when this module loads). */
export const startupTimingOn = process.env[STARTUP_TIMING_ENV] === '1'
const threadTimes = new Map<string, ThreadTime>()

/** Notes that a startup phase just ended (a performance mark, a few bytes; nothing is logged). */
export function markStartup(phase: string): void {
  performance.mark(PREFIX + phase)
  if (startupTimingOn) threadTimes.set(phase, threadTime())
}

/**
 * Milliseconds from the process's start to the end of each phase marked so far, in order, with
 * Node's own bootstrap first: what the web host prints when `CALMDECK_STARTUP_TIMING=1`. With it
 * on, also the thread's CPU time (`cpu:<phase>`) and run-queue wait (`waited:<phase>`) by then: a
 * phase that took long with little CPU and a long wait was starved of a core, not slow itself.
 */
export function startupTimings(): Record<string, number> {
  const timings: Record<string, number> = { 'node-bootstrap': round(performance.nodeTiming.bootstrapComplete) }
  for (const mark of performance.getEntriesByType('mark')) {
    if (mark.name.startsWith(PREFIX)) timings[mark.name.slice(PREFIX.length)] = round(mark.startTime)
  }
  for (const [phase, { cpu, waited }] of threadTimes) {
    timings[`cpu:${phase}`] = round(cpu)
    if (waited !== undefined) timings[`waited:${phase}`] = round(waited)
  }
  return timings
}

/** This thread's times now (the scheduler's figures where Linux gives them, else Node's CPU time). */
function threadTime(): ThreadTime {
  try {
    const parsed = parseSchedstat(fs.readFileSync('/proc/thread-self/schedstat', 'utf8'))
    if (parsed) return parsed
  } catch {
    // Not Linux: CPU time alone.
  }
  const { user, system } = process.cpuUsage()
  return { cpu: (user + system) / 1000 }
}

/** `/proc/…/schedstat`: "<ns on a core> <ns runnable, waiting for one> <time slices>". */
export function parseSchedstat(text: string): Required<ThreadTime> | null {
  const [onCore, waiting] = text.trim().split(/\s+/).map(Number)
  if (onCore === undefined || waiting === undefined || !Number.isFinite(onCore) || !Number.isFinite(waiting))
    return null
  return { cpu: onCore / 1e6, waited: waiting / 1e6 }
}

const round = (ms: number) => Math.round(ms * 10) / 10
