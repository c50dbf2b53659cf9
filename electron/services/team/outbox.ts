import { randomUUID } from 'node:crypto'
import { teamMessageSchema, type OutboxItem, type TeamMessage } from '../../../shared/team'
import { AppError } from '../../../shared/result'
import type { Db } from '../storage/database'
import type { OutboxRow } from '../storage/rows'
import type { PostOutcome } from './post'

export interface OutboxDeps {
  db: Db
  now: () => number
  /**
   * Delivers one message under its idempotency key, or answers null when there is nowhere to
   * send it (no team channel set): it then waits, pending, until `kick()`.
   */
  deliver: (message: TeamMessage, key: string) => Promise<PostOutcome> | null
  /** A message was queued, tried, delivered, refused, retried or dropped (after the commit). */
  onChange?: () => void
  /** Backoff between attempts while the channel is unreachable: doubling from `firstMs` up to `maxMs`. */
  backoff?: { firstMs: number; maxMs: number }
  log?: (line: string) => void
}

const DEFAULT_BACKOFF = { firstMs: 2000, maxMs: 60_000 }

const toItem = (row: OutboxRow): OutboxItem => ({
  id: row.id,
  type: row.type,
  createdAt: row.created_at,
  status: row.status,
  attempts: row.attempts,
  retrying: row.status === 'pending' && row.attempts > 0,
  error: row.last_error,
  sentAt: row.sent_at,
})

/**
 * Outgoing team messages. Each is committed to the `outbox` table before any attempt, then sent
 * oldest first, one at a time; the oldest pending message waits out its backoff before the
 * others (they all go to the same channel). Offline, timeouts, 5xx and 429 are retried with
 * backoff (Retry-After honoured); other refusals are kept as failed, with the reason, until
 * retried or dropped. A message is marked sent in the same process that got the 2xx, and a sent
 * message is never sent again; a kill between the 2xx and that commit sends it once more after
 * the restart, under the same idempotency key.
 */
export class Outbox {
  private readonly stmt
  private readonly backoff: { firstMs: number; maxMs: number }
  private running: Promise<void> | null = null
  private again = false
  private timer: ReturnType<typeof setTimeout> | null = null
  private closed = false

  constructor(private readonly deps: OutboxDeps) {
    const { db } = deps
    this.backoff = deps.backoff ?? DEFAULT_BACKOFF
    this.stmt = {
      insert: db.prepare<[string, string, string, number, number]>(
        'INSERT INTO outbox (idem_key, type, message, created_at, next_at) VALUES (?, ?, ?, ?, ?)',
      ),
      byId: db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?'),
      byKey: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE idem_key = ?'),
      head: db.prepare<[], OutboxRow>("SELECT * FROM outbox WHERE status = 'pending' ORDER BY id LIMIT 1"),
      wakeAll: db.prepare<[number]>("UPDATE outbox SET next_at = ? WHERE status = 'pending'"),
      sent: db.prepare<[number, number]>(
        "UPDATE outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ? AND status = 'pending'",
      ),
      retryLater: db.prepare<[number, string, number]>(
        "UPDATE outbox SET attempts = attempts + 1, next_at = ?, last_error = ? WHERE id = ? AND status = 'pending'",
      ),
      failed: db.prepare<[string, number]>(
        "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ? WHERE id = ? AND status = 'pending'",
      ),
      requeue: db.prepare<[number, number]>(
        "UPDATE outbox SET status = 'pending', next_at = ? WHERE id = ? AND status = 'failed'",
      ),
      drop: db.prepare<[number]>(
        "UPDATE outbox SET status = 'dropped' WHERE id = ? AND status IN ('failed', 'pending')",
      ),
      latest: db.prepare<[string], OutboxRow>('SELECT * FROM outbox WHERE type = ? ORDER BY id DESC LIMIT 1'),
      failedList: db.prepare<[], OutboxRow>("SELECT * FROM outbox WHERE status = 'failed' ORDER BY id DESC LIMIT 50"),
      pendingCount: db.prepare<[], { n: number }>("SELECT count(*) AS n FROM outbox WHERE status = 'pending'"),
      countBetween: db.prepare<[string, number, number], { n: number }>(
        'SELECT count(*) AS n FROM outbox WHERE type = ? AND created_at >= ? AND created_at < ?',
      ),
    }
  }

  /**
   * Commits the message, then starts sending. A new message is a reason to try the channel
   * again now, so every waiting message becomes due too. With `key`, a message already queued
   * under that key is answered instead (the same shift summary twice is posted once).
   */
  enqueue(message: TeamMessage, key: string = randomUUID()): OutboxItem {
    const parsed = teamMessageSchema.parse(message)
    const now = this.deps.now()
    const existing = this.stmt.byKey.get(key)
    if (existing) return toItem(existing)
    const id = this.deps.db
      .transaction(() => {
        this.stmt.wakeAll.run(now)
        return Number(this.stmt.insert.run(key, parsed.type, JSON.stringify(parsed), now, now).lastInsertRowid)
      })
      .immediate()
    this.changed()
    this.kick()
    return this.item(id)
  }

  /** At start-up: what a previous run left queued is tried at once, whatever its backoff said. */
  start(): void {
    this.stmt.wakeAll.run(this.deps.now())
    this.kick()
  }

  /** Sends what is due (e.g. once a channel is set). */
  kick(): void {
    if (this.closed) return
    if (this.running) {
      this.again = true
      return
    }
    this.clearTimer()
    this.running = this.drain().finally(() => {
      this.running = null
      if (this.again) {
        this.again = false
        this.kick()
      }
    })
  }

  /** Resolves once nothing is being sent right now (tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running
  }

  /** A failed message goes back into the queue, tried at once. */
  retry(id: number): OutboxItem {
    if (this.stmt.requeue.run(this.deps.now(), id).changes === 0)
      throw new AppError('conflict', 'Only a message that failed can be sent again.')
    this.changed()
    this.kick()
    return this.item(id)
  }

  /** The agent gives up on a failed (or still waiting) message: it is never sent. */
  drop(id: number): OutboxItem {
    if (this.stmt.drop.run(id).changes === 0)
      throw new AppError('conflict', 'Only a message that is waiting or failed can be dropped.')
    this.changed()
    return this.item(id)
  }

  item(id: number): OutboxItem {
    const row = this.stmt.byId.get(id)
    if (!row) throw new AppError('not-found', 'That message is not in the outbox.')
    return toItem(row)
  }

  latest(type: OutboxItem['type']): OutboxItem | null {
    const row = this.stmt.latest.get(type)
    return row ? toItem(row) : null
  }

  failed(): OutboxItem[] {
    return this.stmt.failedList.all().map(toItem)
  }

  /** How many messages of a type were queued in [from, to), sent or not (e.g. help requests in a shift). */
  countBetween(type: OutboxItem['type'], from: number, to: number): number {
    return this.stmt.countBetween.get(type, from, to)?.n ?? 0
  }

  pendingCount(): number {
    return this.stmt.pendingCount.get()?.n ?? 0
  }

  close(): void {
    this.closed = true
    this.clearTimer()
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return
      const head = this.stmt.head.get()
      if (!head) return
      const now = this.deps.now()
      if (head.next_at > now) {
        this.wakeAt(head.next_at - now)
        return
      }
      const message = teamMessageSchema.safeParse(JSON.parse(head.message))
      if (!message.success) {
        this.record(head, { type: 'failed', reason: 'unreadable message' })
        continue
      }
      const attempt = this.deps.deliver(message.data, head.idem_key)
      if (!attempt) return
      const outcome = await attempt.catch((): PostOutcome => ({
        type: 'retry',
        reason: 'could not send',
        retryAfterMs: null,
      }))
      if (this.closed) return
      this.record(head, outcome)
      if (outcome.type === 'retry') continue
    }
  }

  private record(row: OutboxRow, outcome: PostOutcome): void {
    const now = this.deps.now()
    if (outcome.type === 'sent') this.stmt.sent.run(now, row.id)
    else if (outcome.type === 'failed') this.stmt.failed.run(outcome.reason, row.id)
    else {
      const wait = outcome.retryAfterMs ?? this.backoffFor(row.attempts + 1)
      this.stmt.retryLater.run(now + wait, outcome.reason, row.id)
    }
    if (outcome.type !== 'sent') this.deps.log?.(`team message ${row.id} not delivered: ${outcome.reason}`)
    this.changed()
  }

  private backoffFor(attempts: number): number {
    return Math.min(this.backoff.maxMs, this.backoff.firstMs * 2 ** Math.min(attempts - 1, 20))
  }

  private wakeAt(ms: number): void {
    this.clearTimer()
    this.timer = setTimeout(() => {
      this.timer = null
      this.kick()
    }, ms)
    this.timer.unref?.()
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private changed(): void {
    this.deps.onChange?.()
  }
}
