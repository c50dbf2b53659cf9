import { z } from 'zod'

import { MAX_MIC_APP_CHARS } from './mic-apps'

export { MAX_MIC_APP_CHARS, micChoices, micModes, type MicChoice, type MicMode } from './mic-apps'

/**
 * The microphone as a call source: which apps use the capture device (never the sound itself),
 * which of them are the agent's phone, and the questions the window asks about them.
 */

/** An app as the OS names it: an executable name (`microsip.exe`, `baresip`) or a bundle id. */
export const MAX_MIC_APPS = 200
export const micAppSchema = z
  .string()
  .min(1)
  .max(MAX_MIC_APP_CHARS)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'an app name may not contain control characters')
  .refine((value) => !['__proto__', 'constructor', 'prototype'].includes(value), 'not an app name')

/** A question the window shows (without taking focus) and its answers. */
export const micPromptSchema = z.discriminatedUnion('kind', [
  /** "MicroSIP is using the microphone. Is it your phone?" */
  z.strictObject({ kind: z.literal('phone'), app: micAppSchema, name: z.string(), browser: z.boolean() }),
  /** Mode `ask`: the phone has the microphone: "Log this as a call?" */
  z.strictObject({ kind: z.literal('log-call'), app: micAppSchema, name: z.string() }),
])
export type MicPrompt = z.infer<typeof micPromptSchema>

export const micAnswerSchema = z.strictObject({
  kind: z.enum(['phone', 'log-call']),
  app: micAppSchema,
  /** `later`: ask again the next time the app opens the microphone. */
  answer: z.enum(['yes', 'no', 'later']),
})
export type MicAnswer = z.infer<typeof micAnswerSchema>

/** What the window shows about the source: whether it can observe, and the open question. */
export const micStateSchema = z.strictObject({
  /** `off` in Settings; `on` observing; `waiting` for the sound server; `unsupported` on this system. */
  status: z.enum(['off', 'on', 'waiting', 'unsupported']),
  /** A short English detail for support, e.g. `pactl not found`. */
  detail: z.string().optional(),
  prompt: micPromptSchema.nullable(),
  /** Apps using the microphone now (ids only). */
  active: z.array(micAppSchema),
})
export type MicState = z.infer<typeof micStateSchema>
