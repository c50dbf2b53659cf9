import { z } from 'zod'

export const recoveryStatuses = ['offered', 'declined', 'running', 'paused', 'finished', 'ended-early'] as const
export type RecoveryStatus = (typeof recoveryStatuses)[number]

/** A break's times as stored: the time left and taken are always computed from these and the clock. */
export interface RecoveryTimes {
  status: RecoveryStatus
  startedAt: number | null
  /** When the current pause began (while paused). */
  pausedAt: number | null
  /** Pauses that are over, in all. */
  pausedTotalMs: number
  durationMs: number
  endedAt: number | null
}

/** When a started break runs out: its start, plus the pauses that are over, plus its length. */
export function recoveryEndsAt(times: RecoveryTimes): number | null {
  return times.startedAt === null ? null : times.startedAt + times.pausedTotalMs + times.durationMs
}

/** All the time a break has been paused at `now`, a pause still going on included. */
export function recoveryPausedMs(times: RecoveryTimes, now: number): number {
  const current = times.status === 'paused' && times.pausedAt !== null ? Math.max(0, now - times.pausedAt) : 0
  return times.pausedTotalMs + current
}

/**
 * The time of a break taken at `now`, pauses excluded: a paused break stopped counting when it was
 * paused, an ended one when it ended, a running one counts until now or until its planned end if
 * that has passed (it is over, even if not yet marked finished). Never more than its length.
 */
export function recoveryTakenMs(times: RecoveryTimes, now: number): number {
  const endsAt = recoveryEndsAt(times)
  if (times.startedAt === null || endsAt === null) return 0
  const until =
    times.status === 'paused' && times.pausedAt !== null ? times.pausedAt : (times.endedAt ?? Math.min(now, endsAt))
  return Math.min(times.durationMs, Math.max(0, until - times.startedAt - times.pausedTotalMs))
}

/** A recovery break as the window shows it, with the time left worked out by the host. */
export const recoveryStateSchema = z.strictObject({
  id: z.number().int(),
  status: z.enum(recoveryStatuses),
  callId: z.number().int().nullable(),
  durationMs: z.number().int(),
  /** Left to go now; for a running break the window counts down to `endsAt` itself. */
  remainingMs: z.number().int(),
  startedAt: z.number().int().nullable(),
  /** When a running break ends, or null while offered or paused. */
  endsAt: z.number().int().nullable(),
})

/** The day at a glance: calls, hard calls, breaks, and a timeline for the chart. */
export const daySummarySchema = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  calls: z.number().int(),
  hardCalls: z.number().int(),
  offered: z.number().int(),
  taken: z.number().int(),
  declined: z.number().int(),
  recoveryMinutes: z.number(),
  spans: z.array(
    z.strictObject({
      kind: z.enum(['call', 'hard-call', 'recovery']),
      from: z.number().int(),
      to: z.number().int(),
    }),
  ),
})

export type RecoveryState = z.infer<typeof recoveryStateSchema>
export type DaySummary = z.infer<typeof daySummarySchema>
