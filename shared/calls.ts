import { z } from 'zod'
import { actionSources, eventSources } from './actions'
import { RECENT_EVENTS } from './limits'
export { MAX_EVENT_TEXT, RECENT_EVENTS, UNDO_WINDOW_MS } from './limits'

export const callSchema = z.strictObject({
  id: z.number().int(),
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  /** As stored per the privacy setting: null, "…1234", or the full number. */
  caller: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  hard: z.boolean(),
  source: z.enum(actionSources),
  /** Pinned by the agent ("keep this incident"): retention never deletes it. */
  pinned: z.boolean(),
})

export const callEventSchema = z.strictObject({
  id: z.number().int(),
  callId: z.number().int(),
  at: z.number().int(),
  kind: z.string(),
  text: z.string().nullable(),
  source: z.enum(eventSources),
})

/**
 * The open call (if any) with its latest events, oldest first: small enough to send on every
 * change. The whole timeline comes from `calls:timeline`.
 */
export const callStateSchema = z.strictObject({
  call: callSchema.nullable(),
  recent: z.array(callEventSchema).max(RECENT_EVENTS),
})

export const callListItemSchema = callSchema.extend({ eventCount: z.number().int() })

export type Call = z.infer<typeof callSchema>
export type CallEvent = z.infer<typeof callEventSchema>
export type CallState = z.infer<typeof callStateSchema>
export type CallListItem = z.infer<typeof callListItemSchema>
