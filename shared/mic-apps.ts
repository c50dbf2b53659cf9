/**
 * The microphone as a call source, the parts the renderer needs too (kept free of zod): the
 * answers, the modes and the shipped list of phones that lets a question name an app well.
 */

/** An app id (executable name or bundle id) is at most this long. */
export const MAX_MIC_APP_CHARS = 200

/** The user's answer for an app: it is the phone, or it is not. Apps not listed were never answered. */
export const micChoices = ['phone', 'not-phone'] as const
export type MicChoice = (typeof micChoices)[number]

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
