import { z } from 'zod'

/**
 * Call events reported by softphones, from any way in (command line, local API, baresip, links).
 * `incoming` means "ringing, not connected yet" in either direction; `answered` means the call is
 * connected; `ended` closes a connected call; `failed` closes one that never connected (busy,
 * rejected, missed).
 */
export const externalCallEventTypes = ['incoming', 'answered', 'ended', 'failed'] as const
export type ExternalCallEventType = (typeof externalCallEventTypes)[number]

/** Where an external event came from. Stored nowhere; used for de-duplication and logs. */
export const callEventOrigins = ['command-line', 'local-api', 'baresip', 'link', 'microphone'] as const
export type CallEventOrigin = (typeof callEventOrigins)[number]

export const MAX_NUMBER_CHARS = 200
export const MAX_EXTERNAL_ID_CHARS = 200

/** A number as softphones pass it: digits, `+`, a SIP URI, a display name. Control characters refused. */
const numberSchema = z
  .string()
  .max(MAX_NUMBER_CHARS, `a number may be at most ${MAX_NUMBER_CHARS} characters`)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'a number may not contain control characters')

export const externalCallEventSchema = z.strictObject({
  type: z.enum(externalCallEventTypes),
  number: numberSchema.optional(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  /** The softphone's own id for the call (e.g. a SIP Call-ID), for telling calls apart. */
  externalId: z
    .string()
    .min(1)
    .max(MAX_EXTERNAL_ID_CHARS, `an id may be at most ${MAX_EXTERNAL_ID_CHARS} characters`)
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'an id may not contain control characters')
    .optional(),
})
export type ExternalCallEvent = z.infer<typeof externalCallEventSchema>

/** What CalmDeck did with an external event. */
export const ingestResults = [
  /** A new call was opened. */
  'started',
  /** The open call was closed. */
  'ended',
  /** A call that CalmDeck had not seen start was recorded as ended (start time unknown). */
  'recorded',
  /** The call is ringing; nothing is recorded until it is answered. */
  'ringing',
  /** A call that rang but never connected; nothing recorded. */
  'missed',
  /** The same call reported again (another source, or a repeat): nothing changed. */
  'duplicate',
  /** A call opened by hand was matched to the softphone's call. */
  'adopted',
  /** Not about any call CalmDeck tracks (e.g. a second line's call ending); nothing changed. */
  'ignored',
] as const
export type IngestResult = (typeof ingestResults)[number]

export const ingestOutcomeSchema = z.strictObject({
  result: z.enum(ingestResults),
  /** The call record concerned, if any. */
  callId: z.number().int().nullable(),
})
export type IngestOutcome = z.infer<typeof ingestOutcomeSchema>

/**
 * A number from a softphone as the user knows it: the user part of a SIP/tel URI
 * (`"Ann" <sip:+3120555@pbx>` → `+3120555`), percent-decoded, without URI parameters.
 */
export function plainNumber(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined
  let value = raw.trim()
  const bracketed = /<([^>]*)>/.exec(value)
  if (bracketed?.[1] !== undefined) value = bracketed[1].trim()
  const scheme = /^(sips?|tel|callto):(\/\/)?/i.exec(value)
  if (scheme) {
    value = value.slice(scheme[0].length)
    value = value.split(/[;?]/)[0] ?? ''
    if (!/^tel:/i.test(scheme[0])) value = value.split('@')[0] ?? ''
  }
  try {
    value = decodeURIComponent(value)
  } catch {
    // Not percent-encoded after all: keep it as it is.
  }
  value = value.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return value === '' ? undefined : value
}

/** The local API's request body: the event, with the softphone's call id as `id`. */
export const apiEventBodySchema = externalCallEventSchema
  .omit({ externalId: true })
  .extend({ id: externalCallEventSchema.shape.externalId })
export type ApiEventBody = z.infer<typeof apiEventBodySchema>
