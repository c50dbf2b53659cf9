import type { Db } from './database'

export const DAY_MS = 86_400_000

/** How long one step may hold the event loop: half a 60 Hz frame (16 ms). */
export const STEP_BUDGET_MS = 8

/**
 * The retention rule, in one place. With `days` > 0, a call older than that goes (by its start)
 * unless it is pinned or still open, with its events, its note and its breaks; a walk-in note
 * goes by its creation, and a break of no call by its start (or offer) unless it is live.
 * Returns the moment before which things go, or null when retention is off (0 days).
 */
export function retentionCutoff(now: number, days: number): number | null {
  return days > 0 ? now - days * DAY_MS : null
}

export interface PurgeCounts {
  calls: number
  events: number
  notes: number
  breaks: number
}

export interface PurgeResult extends PurgeCounts {
  /** Pages given back to the file system by the incremental vacuum. */
  freedPages: number
  /** The longest single step (transaction or vacuum step), in milliseconds. */
  maxBlockMs: number
  steps: number
}

export interface PurgeOptions {
  /** Lets the event loop run between steps; `setImmediate` by default. */
  pause?: () => Promise<void>
  clock?: () => number
  /** Told each step's length in milliseconds (benchmarks). */
  onStep?: (ms: number) => void
  /** Checked between steps: true stops the purge (the database is closing). */
  stopped?: () => boolean
}

const LIVE = `('offered', 'running', 'paused')`

/**
 * Deletes what the rule says in small transactions, the batch size adapted so each takes about
 * `STEP_BUDGET_MS`, then gives the space back with `incremental_vacuum` in small steps. The
 * notes' search index follows by its triggers, so search and reports agree after every step.
 */
export async function purgeOlderThan(db: Db, cutoff: number, options: PurgeOptions = {}): Promise<PurgeResult> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)))
  const clock = options.clock ?? (() => performance.now())
  const result: PurgeResult = { calls: 0, events: 0, notes: 0, breaks: 0, freedPages: 0, maxBlockMs: 0, steps: 0 }
  // Deleted rows are overwritten, not only unlinked: a note's text must not linger in free pages.
  db.pragma('secure_delete = ON')
  const batch = purgeBatcher(db)
  let size = 32
  for (;;) {
    const started = clock()
    const counts = withoutSync(db, () => batch(cutoff, size))
    const took = clock() - started
    note(result, took)
    options.onStep?.(took)
    result.calls += counts.calls
    result.events += counts.events
    result.notes += counts.notes
    result.breaks += counts.breaks
    if (counts.calls + counts.notes + counts.breaks === 0) break
    size = adapt(size, took)
    await pause()
    if (options.stopped?.()) return result
  }
  let pages = 64
  for (;;) {
    const free = db.pragma('freelist_count', { simple: true }) as number
    if (free === 0) break
    const started = clock()
    withoutSync(db, () => db.pragma(`incremental_vacuum(${pages})`))
    const took = clock() - started
    note(result, took)
    options.onStep?.(took)
    result.freedPages += free - (db.pragma('freelist_count', { simple: true }) as number)
    pages = adapt(pages, took)
    await pause()
    if (options.stopped?.()) return result
  }
  return result
}

/**
 * Runs one purge step without waiting for the disk (synchronous = NORMAL), then restores the
 * setting before anything else can write. A power cut may undo such a step, never a note the
 * agent saved (those commit with FULL, which also syncs the steps before them); an undone step
 * is simply purged again at the next run. Saves an fsync per step, the slowest part of a step.
 */
function withoutSync<T>(db: Db, step: () => T): T {
  const before = db.pragma('synchronous', { simple: true }) as number
  db.pragma('synchronous = NORMAL')
  try {
    return step()
  } finally {
    db.pragma(`synchronous = ${before}`)
  }
}

function note(result: PurgeResult, took: number): void {
  result.steps++
  result.maxBlockMs = Math.max(result.maxBlockMs, took)
}

/** Doubles a step that took under half its budget, halves one that took more than it. */
function adapt(size: number, took: number): number {
  if (took < STEP_BUDGET_MS / 2) return Math.min(size * 2, 4096)
  if (took > STEP_BUDGET_MS) return Math.max(Math.floor(size / 2), 1)
  return size
}

/** One transaction: up to `size` old calls (with all that hangs on them), walk-in notes and lone breaks. */
export function purgeBatcher(db: Db): (cutoff: number, size: number) => PurgeCounts {
  const oldCalls = db.prepare<[number, number], { id: number }>(
    'SELECT id FROM calls WHERE started_at < ? AND pinned = 0 AND ended_at IS NOT NULL ORDER BY id LIMIT ?',
  )
  const ids = `(SELECT value FROM json_each(?))`
  const events = db.prepare<[string]>(`DELETE FROM events WHERE call_id IN ${ids}`)
  const callCues = db.prepare<[string]>(`DELETE FROM call_cues WHERE call_id IN ${ids}`)
  const callNotes = db.prepare<[string]>(`DELETE FROM notes WHERE call_id IN ${ids}`)
  const callBreaks = db.prepare<[string]>(`DELETE FROM recoveries WHERE call_id IN ${ids}`)
  const calls = db.prepare<[string]>(`DELETE FROM calls WHERE id IN ${ids}`)
  const walkIns = db.prepare<[number, number]>(
    'DELETE FROM notes WHERE id IN (SELECT id FROM notes WHERE call_id IS NULL AND created_at < ? LIMIT ?)',
  )
  const loneBreaks = db.prepare<[number, number]>(
    `DELETE FROM recoveries WHERE id IN (SELECT id FROM recoveries WHERE call_id IS NULL
       AND coalesce(started_at, offered_at) < ? AND status NOT IN ${LIVE} LIMIT ?)`,
  )
  return db.transaction((cutoff: number, size: number): PurgeCounts => {
    const list = JSON.stringify(oldCalls.all(cutoff, size).map((row) => row.id))
    callCues.run(list)
    const counts: PurgeCounts = {
      events: events.run(list).changes,
      notes: callNotes.run(list).changes,
      breaks: callBreaks.run(list).changes,
      calls: calls.run(list).changes,
    }
    counts.notes += walkIns.run(cutoff, size).changes
    counts.breaks += loneBreaks.run(cutoff, size).changes
    return counts
  })
}

/**
 * Makes the database give freed pages back in steps (`PRAGMA incremental_vacuum`). A new
 * database just takes the mode; one made before needs a VACUUM once, at start before the window.
 */
export function useIncrementalVacuum(db: Db): void {
  if ((db.pragma('auto_vacuum', { simple: true }) as number) === 2) return
  db.pragma('auto_vacuum = INCREMENTAL')
  if ((db.pragma('auto_vacuum', { simple: true }) as number) !== 2) db.exec('VACUUM')
}
