import { performance } from 'node:perf_hooks'

const PREFIX = 'calmdeck:'

/** Notes that a startup phase just ended (a performance mark, a few bytes; nothing is logged). */
export function markStartup(phase: string): void {
  performance.mark(PREFIX + phase)
}

/**
 * Milliseconds from the process's start to the end of each phase marked so far, in order, with
 * Node's own bootstrap first: what the web host prints when `CALMDECK_STARTUP_TIMING=1`.
 */
export function startupTimings(): Record<string, number> {
  const timings: Record<string, number> = { 'node-bootstrap': round(performance.nodeTiming.bootstrapComplete) }
  for (const mark of performance.getEntriesByType('mark')) {
    if (mark.name.startsWith(PREFIX)) timings[mark.name.slice(PREFIX.length)] = round(mark.startTime)
  }
  return timings
}

const round = (ms: number) => Math.round(ms * 10) / 10
