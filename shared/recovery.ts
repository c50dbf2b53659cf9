import { z } from 'zod'

export const recoveryStatuses = ['offered', 'declined', 'running', 'paused', 'finished', 'ended-early'] as const

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
