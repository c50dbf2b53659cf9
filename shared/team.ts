import { z } from 'zod'

import { MAX_HELP_TEXT, helpTriggers, outboxStatuses, teamChannelKinds } from './team-kinds'
export { MAX_HELP_TEXT, helpTriggers, outboxStatuses, teamChannelKinds } from './team-kinds'
export type { OutboxStatus, TeamChannelKind } from './team-kinds'

/** A flag of the call, by event kind id, with its label in the agent's language. */
const flagSchema = z.strictObject({ kind: z.string().max(40), label: z.string().max(80) })

/** A time as sent: epoch ms and the agent's local wall-clock time ("14:02"). */
const sentTimeSchema = z.strictObject({ ms: z.number().int(), local: z.string().max(40) })

/**
 * A message in the outbox, as committed before sending: channel-neutral, rendered into a Teams,
 * Slack or generic payload when it is sent. It holds exactly what leaves the machine: never a
 * caller's number; a note only when the agent ticked "include my note" for that request.
 */
export const teamMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('help'),
    agent: z.string().max(80),
    at: sentTimeSchema,
    trigger: z.enum(helpTriggers),
    /** How long the call had run, in seconds; null with no call open. */
    callSeconds: z.number().int().nonnegative().nullable(),
    /** The call was hard when asked. */
    hard: z.boolean(),
    flags: z.array(flagSchema).max(40),
    text: z.string().max(MAX_HELP_TEXT).nullable(),
    note: z.string().max(4000).nullable(),
  }),
  z.strictObject({
    type: z.literal('shift-summary'),
    agent: z.string().max(80),
    from: sentTimeSchema,
    to: sentTimeSchema,
    calls: z.number().int().nonnegative(),
    hardCalls: z.number().int().nonnegative(),
    boundaryWarnings: z.number().int().nonnegative(),
    supervisorRequests: z.number().int().nonnegative(),
    breaksOffered: z.number().int().nonnegative(),
    breaksTaken: z.number().int().nonnegative(),
  }),
  z.strictObject({ type: z.literal('test'), agent: z.string().max(80), at: sentTimeSchema }),
])
export type TeamMessage = z.infer<typeof teamMessageSchema>
export type HelpMessage = Extract<TeamMessage, { type: 'help' }>
export type ShiftSummaryMessage = Extract<TeamMessage, { type: 'shift-summary' }>

/** One outgoing message as the window sees it (no payload). */
export const outboxItemSchema = z.strictObject({
  id: z.number().int(),
  type: z.enum(['help', 'shift-summary', 'test']),
  createdAt: z.number().int(),
  status: z.enum(outboxStatuses),
  attempts: z.number().int(),
  /** Tried and not delivered yet (pending after a failed attempt). */
  retrying: z.boolean(),
  /** Why the last attempt failed, e.g. "HTTP 410" or "no connection"; no URL, no body. */
  error: z.string().nullable(),
  sentAt: z.number().int().nullable(),
})
export type OutboxItem = z.infer<typeof outboxItemSchema>

/** The team channel as the window may see it: the URL masked to scheme and host. */
export const teamEndpointViewSchema = z.strictObject({
  kind: z.enum(teamChannelKinds),
  maskedUrl: z.string(),
  hasSecret: z.boolean(),
  /** Set by the organisation's policy: shown, never changed here. */
  managed: z.boolean(),
})
export type TeamEndpointView = z.infer<typeof teamEndpointViewSchema>

export const teamStateSchema = z.strictObject({
  endpoint: teamEndpointViewSchema.nullable(),
  /** The latest help request, for "Help requested 14:02 · sent ✓". */
  help: outboxItemSchema.nullable(),
  /** The latest test message, for "Send a test message". */
  test: outboxItemSchema.nullable(),
  /** Messages refused for good, to retry or drop. */
  failed: z.array(outboxItemSchema).max(50),
  pending: z.number().int(),
})
export type TeamState = z.infer<typeof teamStateSchema>

/** `team:set-endpoint`: a channel and its URL (a secret), or `kind: null` to turn the channel off. */
export const teamEndpointRequestSchema = z.union([
  z.strictObject({ kind: z.null() }),
  z.strictObject({
    kind: z.enum(teamChannelKinds),
    url: z.string().trim().min(1, 'enter the webhook URL').max(2000),
    /** Shared secret for the generic webhook's signature; '' for none, omitted to keep the current one. */
    secret: z.string().max(200).optional(),
  }),
])
