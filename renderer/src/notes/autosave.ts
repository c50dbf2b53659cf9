/** Where a text stands: everything committed, waiting to save, being saved, or failing and retrying. */
export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed'

export interface AutosaveOptions<T> {
  /** Commits a snapshot; resolves true once the host confirmed the commit, false if it did not. */
  save: (snapshot: T) => Promise<boolean>
  onStatus: (status: SaveStatus) => void
  /** Save after this long without a change. */
  quietMs?: number
  /** ...and at least this often while changes keep coming. */
  maxWaitMs?: number
  /** First retry after a failure; doubles up to `maxRetryMs`. */
  retryMs?: number
  maxRetryMs?: number
  now?: () => number
}

/**
 * Decides when a note is saved: ~300 ms after typing stops, at least every 2 s while typing,
 * at once on `flush()`. One save at a time; the latest snapshot always wins. "Saved" is reported
 * only when the host confirmed the commit of the very latest text. A failed save keeps the
 * snapshot and retries with backoff until it goes through.
 */
export class AutosaveScheduler<T> {
  private latest: T | undefined
  private version = 0
  private savedVersion = 0
  private firstPendingAt: number | null = null
  private timer: ReturnType<typeof setTimeout> | undefined
  private inFlight: Promise<void> | null = null
  private failures = 0
  private readonly quietMs: number
  private readonly maxWaitMs: number
  private readonly retryMs: number
  private readonly maxRetryMs: number
  private readonly now: () => number

  constructor(private readonly options: AutosaveOptions<T>) {
    this.quietMs = options.quietMs ?? 300
    this.maxWaitMs = options.maxWaitMs ?? 2000
    this.retryMs = options.retryMs ?? 500
    this.maxRetryMs = options.maxRetryMs ?? 2000
    this.now = options.now ?? Date.now
  }

  get dirty(): boolean {
    return this.savedVersion !== this.version
  }

  /** The text changed: remember it and schedule a save. */
  change(snapshot: T): void {
    this.latest = snapshot
    this.version += 1
    this.firstPendingAt ??= this.now()
    if (!this.inFlight && this.failures === 0) this.options.onStatus('pending')
    this.schedule()
  }

  /** Saves whatever is pending now and resolves when it is committed (or failed this attempt). */
  async flush(): Promise<void> {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.inFlight) await this.inFlight
    if (this.dirty) await this.run()
  }

  /** Stops timers; pending text is not saved. Call `flush()` first. */
  dispose(): void {
    clearTimeout(this.timer)
    this.timer = undefined
  }

  private schedule(): void {
    if (this.inFlight) return
    clearTimeout(this.timer)
    const sinceFirst = this.now() - (this.firstPendingAt ?? this.now())
    const delay =
      this.failures > 0
        ? Math.min(this.retryMs * 2 ** (this.failures - 1), this.maxRetryMs)
        : Math.max(0, Math.min(this.quietMs, this.maxWaitMs - sinceFirst))
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.run()
    }, delay)
  }

  private run(): Promise<void> {
    if (this.inFlight) return this.inFlight
    const version = this.version
    const snapshot = this.latest as T
    this.options.onStatus(this.failures > 0 ? 'failed' : 'saving')
    this.inFlight = this.options
      .save(snapshot)
      .catch(() => false)
      .then((ok) => {
        this.inFlight = null
        if (ok) {
          this.failures = 0
          this.savedVersion = version
          if (!this.dirty) {
            this.firstPendingAt = null
            this.options.onStatus('saved')
            return
          }
          this.options.onStatus('pending')
        } else {
          this.failures += 1
          this.options.onStatus('failed')
        }
        this.schedule()
      })
    return this.inFlight
  }
}
