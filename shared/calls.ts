import { z } from 'zod'
import { actionSources } from './actions'

export const callSchema = z.strictObject({
  id: z.number().int(),
  startedAt: z.number().int(),
  endedAt: z.number().int().nullable(),
  /** As stored per the privacy setting: null, "…1234", or the full number. */
  caller: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  hard: z.boolean(),
  source: z.enum(actionSources),
})

export const callEventSchema = z.strictObject({
  id: z.number().int(),
  callId: z.number().int(),
  at: z.number().int(),
  kind: z.string(),
  text: z.string().nullable(),
  source: z.enum(actionSources),
})

/** The open call (if any) with its whole timeline so far. */
export const callStateSchema = z.strictObject({
  call: callSchema.nullable(),
  events: z.array(callEventSchema),
})

export const callListItemSchema = callSchema.extend({ eventCount: z.number().int() })

export type Call = z.infer<typeof callSchema>
export type CallEvent = z.infer<typeof callEventSchema>
export type CallState = z.infer<typeof callStateSchema>
export type CallListItem = z.infer<typeof callListItemSchema>

/** Free text on an event (a "mark"), at most this long. */
export const MAX_EVENT_TEXT = 2000
/** How long after logging an event it can be undone. */
export const UNDO_WINDOW_MS = 10_000
