import { z } from 'zod'

/**
 * The microphone as a call source: which apps use the capture device (never the sound itself),
 * which of them are the agent's phone, and the questions the window asks about them.
 */

/** The user's answer for an app: it is the phone, or it is not. Apps not listed were never answered. */
export const micChoices = ['phone', 'not-phone'] as const
export type MicChoice = (typeof micChoices)[number]

/** An app as the OS names it: an executable name (`microsip.exe`, `baresip`) or a bundle id. */
export const MAX_MIC_APP_CHARS = 200
export const MAX_MIC_APPS = 200
export const micAppSchema = z
  .string()
  .min(1)
  .max(MAX_MIC_APP_CHARS)
  .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'an app name may not contain control characters')

/** How calls follow the phone's microphone: by themselves, or after the window asks. */
export const micModes = ['auto', 'ask'] as const
export type MicMode = (typeof micModes)[number]

export type MicAppKind = 'softphone' | 'meeting' | 'agent-desktop' | 'browser'

/**
 * Phones and agent desktops the question can name well, keyed by the lower-case executable name
 * (without `.exe`) or bundle id. Browsers are here too: they count only when the user says so,
 * like every app.
 */
export const knownMicApps: Readonly<Record<string, { name: string; kind: MicAppKind }>> = {
  microsip: { name: 'MicroSIP', kind: 'softphone' },
  zoiper: { name: 'Zoiper', kind: 'softphone' },
  zoiper5: { name: 'Zoiper', kind: 'softphone' },
  bria: { name: 'Bria', kind: 'softphone' },
  'com.counterpath.bria': { name: 'Bria', kind: 'softphone' },
  twinkle: { name: 'Twinkle', kind: 'softphone' },
  baresip: { name: 'baresip', kind: 'softphone' },
  linphone: { name: 'Linphone', kind: 'softphone' },
  '3cxphone': { name: '3CX', kind: 'softphone' },
  '3cxdesktopapp': { name: '3CX', kind: 'softphone' },
  ms_teams: { name: 'Microsoft Teams', kind: 'meeting' },
  teams: { name: 'Microsoft Teams', kind: 'meeting' },
  'com.microsoft.teams2': { name: 'Microsoft Teams', kind: 'meeting' },
  zoom: { name: 'Zoom', kind: 'meeting' },
  'zoom.us': { name: 'Zoom', kind: 'meeting' },
  'us.zoom.xos': { name: 'Zoom', kind: 'meeting' },
  'genesys cloud': { name: 'Genesys Cloud', kind: 'agent-desktop' },
  purecloud: { name: 'Genesys Cloud', kind: 'agent-desktop' },
  'amazon connect': { name: 'Amazon Connect', kind: 'agent-desktop' },
  five9softphone: { name: 'Five9', kind: 'agent-desktop' },
  'nice cxone': { name: 'NICE CXone', kind: 'agent-desktop' },
  aircall: { name: 'Aircall', kind: 'agent-desktop' },
  chrome: { name: 'Google Chrome', kind: 'browser' },
  'com.google.chrome': { name: 'Google Chrome', kind: 'browser' },
  chromium: { name: 'Chromium', kind: 'browser' },
  msedge: { name: 'Microsoft Edge', kind: 'browser' },
  'com.microsoft.edgemac': { name: 'Microsoft Edge', kind: 'browser' },
  firefox: { name: 'Firefox', kind: 'browser' },
  'org.mozilla.firefox': { name: 'Firefox', kind: 'browser' },
  'com.apple.safari': { name: 'Safari', kind: 'browser' },
}

/** The shipped entry for an app id (`MicroSIP.exe` → MicroSIP), if any. */
export function knownMicApp(app: string): { name: string; kind: MicAppKind } | undefined {
  const key = app.toLowerCase().replace(/\.exe$/, '')
  return knownMicApps[key]
}

/** The name to show for an app: the shipped name, or the app id as the OS gave it. */
export function micAppName(app: string): string {
  return knownMicApp(app)?.name ?? app.replace(/\.exe$/i, '')
}

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
