import type { ActionSource } from '../../../shared/actions'
import {
  recoveryEndsAt,
  recoveryPausedMs,
  recoveryTakenMs,
  type DaySummary,
  type RecoveryState,
} from '../../../shared/recovery'
import { AppError } from '../../../shared/result'
import type { Db } from '../storage/database'
import { recoveryTimes, type RecoveryRow } from '../storage/rows'

const MINUTE = 60_000
/** A break can be extended up to this long in all. */
const MAX_TOTAL_MS = 60 * MINUTE

export interface RecoveryServiceDeps {
  db: Db
  now: () => number
  /** The default length of a break, in minutes (a setting, 1–30). */
  defaultMinutes: () => number
  onChange?: (state: RecoveryState | null) => void
  /** A break ran its full length (not ended early), told after the change that says so. */
  onFinished?: (state: RecoveryState) => void
}

/** Time spent in a break so far (pauses excluded), at `now`. */
const elapsed = (row: RecoveryRow, now: number) => recoveryTakenMs(recoveryTimes(row), now)

function toState(row: RecoveryRow, now: number): RecoveryState {
  const remainingMs = Math.max(0, row.duration_ms - elapsed(row, now))
  return {
    id: row.id,
    status: row.status,
    callId: row.call_id,
    durationMs: row.duration_ms,
    remainingMs:
      row.status === 'finished' || row.status === 'ended-early' || row.status === 'declined' ? 0 : remainingMs,
    startedAt: row.started_at,
    endsAt: row.status === 'running' ? recoveryEndsAt(recoveryTimes(row)) : null,
  }
}

/**
 * The "take five minutes" break. Offered when a hard call ends, started by hand any time; every
 * change is stored as timestamps and the time left is computed from them and the clock.
 */
export class RecoveryService {
  private readonly stmt
  private timer: ReturnType<typeof setInterval> | undefined
  /** Breaks marked finished since the last change was told, to announce with it. */
  private readonly finished = new Set<number>()

  constructor(private readonly deps: RecoveryServiceDeps) {
    const { db } = deps
    this.stmt = {
      live: db.prepare<[], RecoveryRow>("SELECT * FROM recoveries WHERE status IN ('offered', 'running', 'paused')"),
      byId: db.prepare<[number], RecoveryRow>('SELECT * FROM recoveries WHERE id = ?'),
      latest: db.prepare<[], RecoveryRow>('SELECT * FROM recoveries ORDER BY id DESC LIMIT 1'),
      offer: db.prepare(
        "INSERT INTO recoveries (call_id, status, offered_at, duration_ms, source) VALUES (?, 'offered', ?, ?, 'integration')",
      ),
      startNew: db.prepare(
        "INSERT INTO recoveries (status, duration_ms, started_at, source) VALUES ('running', ?, ?, ?)",
      ),
      update: db.prepare(
        `UPDATE recoveries SET status = @status, duration_ms = @duration_ms, started_at = @started_at,
           paused_at = @paused_at, paused_total_ms = @paused_total_ms, ended_at = @ended_at, source = @source
         WHERE id = @id`,
      ),
      inRange: db.prepare<[number, number], RecoveryRow>(
        'SELECT * FROM recoveries WHERE coalesce(started_at, offered_at) >= ? AND coalesce(started_at, offered_at) < ?',
      ),
      calls: db.prepare<[number, number], { started_at: number; ended_at: number | null; hard: number }>(
        'SELECT started_at, ended_at, hard FROM calls WHERE started_at >= ? AND started_at < ? ORDER BY started_at',
      ),
    }
  }

  /** The break that is offered, running or paused — or, if none, the one that ended last. */
  current(): RecoveryState | null {
    const row = this.settle() ?? this.stmt.latest.get()
    return row ? toState(row, this.deps.now()) : null
  }

  /** A hard call ended: offer a break, unless one is already offered or under way. */
  offer(callId: number): RecoveryState | null {
    if (this.settle()) return this.current()
    this.stmt.offer.run(callId, this.deps.now(), this.deps.defaultMinutes() * MINUTE)
    return this.changed()
  }

  /** Starts the offered break, or a new one by hand. `minutes` overrides the default (1–30). */
  start(source: ActionSource, minutes?: number): RecoveryState | null {
    this.deps.db
      .transaction(() => {
        const live = this.settle()
        const durationMs = (minutes ?? this.deps.defaultMinutes()) * MINUTE
        if (live && live.status !== 'offered') throw new AppError('conflict', 'A recovery break is already under way.')
        if (live)
          this.write({ ...live, status: 'running', duration_ms: durationMs, started_at: this.deps.now(), source })
        else this.stmt.startNew.run(durationMs, this.deps.now(), source)
      })
      .immediate()
    return this.changed()
  }

  decline(source: ActionSource): RecoveryState | null {
    const live = this.require(['offered'], 'No recovery break is on offer.')
    this.write({ ...live, status: 'declined', ended_at: this.deps.now(), source })
    return this.changed()
  }

  pause(): RecoveryState | null {
    const live = this.require(['running'], 'The recovery break is not running.')
    this.write({ ...live, status: 'paused', paused_at: this.deps.now() })
    return this.changed()
  }

  resume(): RecoveryState | null {
    const live = this.require(['paused'], 'The recovery break is not paused.')
    const pausedTotal = recoveryPausedMs(recoveryTimes(live), this.deps.now())
    this.write({ ...live, status: 'running', paused_at: null, paused_total_ms: pausedTotal })
    return this.changed()
  }

  /** Adds `minutes` (default 1) to a running or paused break, up to an hour in all. */
  extend(minutes = 1): RecoveryState | null {
    const live = this.require(['running', 'paused'], 'There is no recovery break to extend.')
    const duration = live.duration_ms + minutes * MINUTE
    if (duration > MAX_TOTAL_MS) throw new AppError('conflict', 'A recovery break can last an hour at most.')
    this.write({ ...live, duration_ms: duration })
    return this.changed()
  }

  endEarly(): RecoveryState | null {
    const live = this.require(['running', 'paused'], 'There is no recovery break to end.')
    const now = this.deps.now()
    this.write({
      ...live,
      status: 'ended-early',
      paused_at: null,
      paused_total_ms: recoveryPausedMs(recoveryTimes(live), now),
      ended_at: now,
    })
    return this.changed()
  }

  /** Today's (or any range's) calls and breaks, for the day view. */
  summary(from: number, to: number): DaySummary {
    this.settle()
    const now = this.deps.now()
    const calls = this.stmt.calls.all(from, to)
    const breaks = this.stmt.inRange.all(from, to)
    const taken = breaks.filter((row) => row.started_at !== null)
    return {
      from,
      to,
      calls: calls.length,
      hardCalls: calls.filter((call) => call.hard === 1).length,
      offered: breaks.filter((row) => row.offered_at !== null).length,
      taken: taken.length,
      declined: breaks.filter((row) => row.status === 'declined').length,
      recoveryMinutes: Math.round((taken.reduce((sum, row) => sum + elapsed(row, now), 0) / MINUTE) * 10) / 10,
      spans: [
        ...calls.map((call) => ({
          kind: call.hard === 1 ? ('hard-call' as const) : ('call' as const),
          from: call.started_at,
          to: call.ended_at ?? now,
        })),
        ...taken.map((row) => ({
          kind: 'recovery' as const,
          from: row.started_at ?? now,
          to: (row.started_at ?? now) + row.paused_total_ms + elapsed(row, now),
        })),
      ],
    }
  }

  /**
   * Schedules a wake-up for the end of a running break; call once at start. A break that ran out
   * while the app was closed is shown as finished, but not announced as just finished.
   */
  watch(): void {
    this.settle()
    this.finished.clear()
    this.reschedule()
  }

  dispose(): void {
    clearInterval(this.timer)
  }

  /** The data was replaced underneath (a restored backup, an import, delete all): settle, reschedule and tell the windows, announcing nothing. */
  reload(): RecoveryState | null {
    this.settle()
    this.finished.clear()
    return this.changed()
  }

  /**
   * The live break, after marking a running one that is past its end as finished, at the moment
   * it ended (a machine asleep through the end wakes to a finished break).
   */
  private settle(): RecoveryRow | undefined {
    const live = this.stmt.live.get()
    const endsAt = live?.status === 'running' ? recoveryEndsAt(recoveryTimes(live)) : null
    if (!live || endsAt === null || this.deps.now() < endsAt) return live
    this.write({ ...live, status: 'finished', ended_at: endsAt })
    this.finished.add(live.id)
    return undefined
  }

  private require(statuses: RecoveryRow['status'][], message: string): RecoveryRow {
    const live = this.settle()
    if (!live || !statuses.includes(live.status)) throw new AppError('conflict', message)
    return live
  }

  private write(row: RecoveryRow): void {
    this.stmt.update.run(row)
  }

  private changed(): RecoveryState | null {
    const state = this.current()
    this.deps.onChange?.(state)
    this.announceFinished()
    this.reschedule()
    return state
  }

  /** Tells `onFinished` of each break marked finished (and still so: a rolled-back write is not). */
  private announceFinished(): void {
    const ids = [...this.finished]
    this.finished.clear()
    for (const id of ids) {
      const row = this.stmt.byId.get(id)
      if (row?.status === 'finished') this.deps.onFinished?.(toState(row, this.deps.now()))
    }
  }

  /**
   * While a break runs, looks once a second whether it has reached its end (by the clock, so a
   * sleep or a clock change cannot make it late), then marks it finished and tells the windows.
   */
  private reschedule(): void {
    clearInterval(this.timer)
    this.timer = undefined
    const state = this.current()
    if (state?.status !== 'running' || state.endsAt === null) return
    const endsAt = state.endsAt
    this.timer = setInterval(() => {
      if (this.deps.now() >= endsAt) this.changed()
    }, 1000)
    this.timer.unref?.()
  }
}
