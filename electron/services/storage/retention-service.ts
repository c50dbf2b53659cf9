import {
  DAY_MS,
  noteIndexMergingLeftOff,
  purgeOlderThan,
  retentionCutoff,
  setNoteIndexMerging,
  type PurgeResult,
} from './retention'
import type { Db } from './database'

const CHECK_EVERY_MS = 3_600_000

export interface RetentionServiceDeps {
  db: Db
  now: () => number
  /** "Delete calls and notes older than N days"; 0 is off. */
  days: () => number
  /** Something was deleted (after it was committed). */
  onPurged?: (result: PurgeResult) => void
  /** Counts and error codes only. */
  log?: (line: string) => void
}

/** Runs the retention rule at start, then once a day (checked hourly), and when the setting changes. */
export class RetentionService {
  private running: Promise<PurgeResult | null> | null = null
  private lastRun: number | null = null
  private timer: NodeJS.Timeout | null = null
  private disposed = false

  constructor(private readonly deps: RetentionServiceDeps) {}

  start(): void {
    if (this.timer) return
    this.timer = setInterval(() => {
      if (this.lastRun === null || this.deps.now() - this.lastRun >= DAY_MS) void this.run()
    }, CHECK_EVERY_MS)
    this.timer.unref()
    void this.run()
  }

  /** Purges now (one run at a time); null when retention is off. */
  run(): Promise<PurgeResult | null> {
    this.running ??= this.purge().finally(() => (this.running = null))
    return this.running
  }

  dispose(): void {
    this.disposed = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  private async purge(): Promise<PurgeResult | null> {
    const now = this.deps.now()
    this.lastRun = now
    const cutoff = retentionCutoff(now, this.deps.days())
    if (this.disposed) return null
    try {
      if (cutoff === null) {
        // A purge cut off by a kill left the search index's own merging off: back on.
        if (noteIndexMergingLeftOff(this.deps.db)) setNoteIndexMerging(this.deps.db, true)
        return null
      }
      const result = await purgeOlderThan(this.deps.db, cutoff, { stopped: () => this.disposed })
      if (result.calls + result.notes + result.breaks > 0) {
        this.deps.log?.(`retention: ${result.calls} calls, ${result.notes} notes, ${result.breaks} breaks deleted`)
        this.deps.onPurged?.(result)
      }
      return result
    } catch (error) {
      this.deps.log?.(`retention failed: ${(error as { code?: string }).code ?? 'error'}`)
      return null
    }
  }
}
