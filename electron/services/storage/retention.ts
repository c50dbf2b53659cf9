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

/**
 * Pages one merge of the search index writes. Fixed and small: a merge reads far more than it
 * writes when the deleted notes' entries cancel out, so its time does not follow this number (a
 * merge of up to 256 pages took 14-18 ms on a year's purge, one of up to 8 stays under 9 ms).
 */
const MERGE_PAGES = 8

const LIVE = `('offered', 'running', 'paused')`

/**
 * Deletes what the rule says in small transactions, the batch size adapted so each takes about
 * `STEP_BUDGET_MS`, then gives the space back with `incremental_vacuum` in small steps. The
 * notes' search index follows by its triggers, so search and reports agree after every step.
 *
 * Two kinds of housekeeping SQLite would otherwise do inside whichever step happens to trigger
 * it run as steps of their own: moving the write-ahead log into the database (a checkpoint after
 * each step, instead of one every ~1,000 pages: +8 to 12 ms on that step), and merging the search
 * index's segments (bounded `merge` steps, instead of FTS5's automatic merge: +10 to 20 ms).
 */
export async function purgeOlderThan(db: Db, cutoff: number, options: PurgeOptions = {}): Promise<PurgeResult> {
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setImmediate(resolve)))
  const clock = options.clock ?? (() => performance.now())
  const result: PurgeResult = { calls: 0, events: 0, notes: 0, breaks: 0, freedPages: 0, maxBlockMs: 0, steps: 0 }
  /** Runs `work` as one step (timed, without waiting for the disk); `go` is false when the purge must stop. */
  const step = async <T>(work: () => T): Promise<{ value: T; took: number; go: boolean }> => {
    const started = clock()
    const value = withoutSync(db, work)
    const took = clock() - started
    result.steps++
    result.maxBlockMs = Math.max(result.maxBlockMs, took)
    options.onStep?.(took)
    await pause()
    return { value, took, go: !options.stopped?.() }
  }
  // Deleted rows are overwritten, not only unlinked: a note's text must not linger in free pages.
  db.pragma('secure_delete = ON')
  const autoCheckpoint = db.pragma('wal_autocheckpoint', { simple: true }) as number
  db.pragma('wal_autocheckpoint = 0')
  setNoteIndexMerging(db, false)
  try {
    const batch = purgeBatcher(db)
    const merge = noteIndexMerger(db)
    let size = 32
    for (;;) {
      const deleted = await step(() => batch(cutoff, size))
      const counts = deleted.value
      result.calls += counts.calls
      result.events += counts.events
      result.notes += counts.notes
      result.breaks += counts.breaks
      if (!deleted.go || !(await step(checkpoint(db))).go) return result
      if (counts.calls + counts.notes + counts.breaks === 0) break
      size = adapt(size, deleted.took)
      if (!(await step(() => merge(MERGE_PAGES))).go) return result
    }
    for (;;) {
      const merged = await step(() => merge(MERGE_PAGES))
      if (!merged.go || !(await step(checkpoint(db))).go) return result
      if (!merged.value) break
    }
    let pages = 64
    for (;;) {
      const free = db.pragma('freelist_count', { simple: true }) as number
      if (free === 0) break
      // Measured inside the step: after its pause, a write of the app's may have taken a free page.
      const vacuumed = await step(() => {
        const size = db.pragma('page_count', { simple: true }) as number
        db.pragma(`incremental_vacuum(${pages})`)
        return size - (db.pragma('page_count', { simple: true }) as number)
      })
      result.freedPages += vacuumed.value
      if (!vacuumed.go || !(await step(checkpoint(db))).go) return result
      pages = adapt(pages, vacuumed.took)
    }
    return result
  } finally {
    setNoteIndexMerging(db, true)
    db.pragma(`wal_autocheckpoint = ${autoCheckpoint}`)
  }
}

/** A checkpoint as a step: what the last step wrote to the log goes into the database file. */
function checkpoint(db: Db): () => void {
  return () => db.pragma('wal_checkpoint(PASSIVE)')
}

/**
 * The search index's automatic merging, off during a purge (its merges then run as steps of their
 * own) and back to FTS5's defaults after it. The setting is stored in the database: a purge that
 * was cut off (the app killed) leaves it off until the next purge ends; `noteIndexMergingLeftOff`
 * tells, so retention can end it even with retention turned off.
 */
export function setNoteIndexMerging(db: Db, on: boolean): void {
  // FTS5's defaults; while off, no "crisis" merge of 16 segments at one level either (1999 is its
  // most). In the SQL: FTS5 takes only integers, and a bound JavaScript number is a real.
  db.exec(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('automerge', ${on ? 4 : 0});
    INSERT INTO notes_fts (notes_fts, rank) VALUES ('crisismerge', ${on ? 16 : 1999})`)
}

export function noteIndexMergingLeftOff(db: Db): boolean {
  return db.prepare(`SELECT v FROM notes_fts_config WHERE k = 'automerge'`).pluck().get() === 0
}

/**
 * One bounded merge of the search index's segments (about `pages` pages written), as FTS5's own
 * automatic merging would do it; false once there was nothing to merge (FTS5 then changes less
 * than 2 rows).
 */
function noteIndexMerger(db: Db): (pages: number) => boolean {
  const merge = db.prepare<[number]>(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('merge', ?)`)
  const changes = db.prepare('SELECT total_changes()').pluck()
  return (pages) => {
    const before = changes.get() as number
    merge.run(pages)
    return (changes.get() as number) - before >= 2
  }
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
