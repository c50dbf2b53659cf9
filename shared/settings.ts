import { z } from 'zod'
import { isAccelerator } from './accelerator'
import { isActionId } from './actions'
import { exportFormats } from './export-formats'
import { parseHostPort } from './host-port'
import { APP_LOCALES } from './locales'
import { MAX_MIC_APPS, micAppSchema, micChoices, micModes } from './mic'

const acceleratorSchema = z
  .string()
  .max(80)
  .refine(isAccelerator, 'must be a key combination with a modifier, e.g. "CommandOrControl+Alt+Shift+B"')

export const settingsSchema = z.strictObject({
  /** 'auto' follows the operating system or browser language. */
  locale: z.enum(['auto', ...APP_LOCALES]),
  theme: z.enum(['system', 'light', 'dark']),
  /** Window opacity, 0.4 (see-through) to 1 (solid). */
  opacity: z.number().min(0.4).max(1),
  alwaysOnTop: z.boolean(),
  /** How much of a caller's number is stored: nothing, the last 4 digits, or all of it. */
  callerNumber: z.enum(['off', 'last4', 'full']),
  /** Softphone call events from the command line, `calmdeck-event` and the local HTTP API. */
  callEventsLocal: z.boolean(),
  /** Call events from baresip's ctrl_tcp at `baresipAddress`. */
  callEventsBaresip: z.boolean(),
  baresipAddress: z
    .string()
    .max(300)
    .refine((value) => parseHostPort(value) !== null, 'must be host:port, e.g. 127.0.0.1:4444'),
  /** A call reported by a softphone brings the window forward (without taking focus). */
  showOnCallStart: z.boolean(),
  /** Register CalmDeck for tel:, sip: and callto: links (desktop; the OS may ask). */
  callLinks: z.boolean(),
  /** Length of a recovery break after a hard call, in minutes. */
  recoveryMinutes: z.number().int().min(1).max(30),
  /** A soft sound when a recovery break ends. */
  recoverySound: z.boolean(),
  /** What "End shift" covers: fixed shift hours, or from the first call today until now. */
  shiftMode: z.enum(['first-call', 'hours']),
  /** Shift hours as local HH:MM; an end before the start is a night shift. */
  shiftStart: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, e.g. 08:00'),
  shiftEnd: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM, e.g. 16:30'),
  /** The folder reports were last exported to ('' until the first export). */
  exportFolder: z.string().max(1000),
  /** Formats ticked for the last export. */
  exportFormats: z.array(z.enum(exportFormats)).max(exportFormats.length),
  /** Mask phone numbers and e-mail addresses in exports. */
  exportRedact: z.boolean(),
  /** Automatic backups kept: the newest of each of this many days, and of this many weeks. */
  backupKeepDaily: z.number().int().min(1).max(60),
  backupKeepWeekly: z.number().int().min(0).max(52),
  /** Delete calls and notes older than this many days (pinned calls stay); 0 keeps everything. */
  retentionDays: z.number().int().min(0).max(3650),
  /** Calls from any phone: follow the microphone (which app has it open; never the sound). */
  micSource: z.boolean(),
  /** Seconds a confirmed phone holds the microphone before a call starts. */
  micStartSeconds: z.number().int().min(1).max(30),
  /** Seconds the microphone stays released before the call ends (a hold or mute does not split it). */
  micReleaseSeconds: z.number().int().min(1).max(60),
  /** Start and end calls by themselves, or ask "Log this as a call?". */
  micMode: z.enum(micModes),
  /** The user's answer per app id: is it the phone? */
  micApps: z
    .record(micAppSchema, z.enum(micChoices))
    .refine((map) => Object.keys(map).length <= MAX_MIC_APPS, `at most ${MAX_MIC_APPS} apps`),
  /** Global hotkeys by action; null unbinds a default. Missing actions use the defaults. */
  hotkeys: z
    .record(
      z.string().refine((value): boolean => isActionId(value), 'unknown action'),
      acceleratorSchema.nullable(),
    )
    .refine((map) => Object.keys(map).length <= 80, 'too many hotkeys'),
  /** The name help requests and shift summaries show the team ('' sends "An agent"). */
  teamDisplayName: z.string().trim().max(80),
  /** Logging "supervisor requested" also sends a help request to the team channel. */
  teamHelpOnSupervisor: z.boolean(),
  /** End shift posts a summary card (figures only) to the team channel. */
  teamShiftSummary: z.boolean(),
  /** The agent's display name, for the team (help requests, team reports). */
  agentName: z.string().trim().max(80),
  /** Team reports may show agentName (else the agent's figures only count in groups of 5 or more). */
  teamReportShowName: z.boolean(),
  /** A shared folder the shift report JSON is also written to at End shift ('' = off). */
  teamFolder: z.string().max(1000),
  /** Also write the PDF into the team folder. */
  teamFolderPdf: z.boolean(),
  /** Start CalmDeck when the user logs in (desktop: login item on Windows/macOS, XDG autostart on Linux). */
  startAtLogin: z.boolean(),
  /** When started at login, stay in the tray instead of showing the window. */
  startInTray: z.boolean(),
  /**
   * Live call cues: during a call, follow both sides' sound levels and voice activity (never the
   * words, never a recording). Off until the agent turns it on after reading what it measures.
   */
  cuesEnabled: z.boolean(),
  /** The microphone's name ('' = the system's default input). */
  cuesMic: z.string().max(300),
  /** The caller: '' = what the computer plays (desktop app); in a browser, an input device's name. */
  cuesCaller: z.string().max(300),
  /** The caller's raised voice moves the deck to the calm card by itself (else it is offered). */
  cuesFollowCall: z.boolean(),
  /** Which cues may show (the figures are kept either way). */
  cueLetThemFinish: z.boolean(),
  cueKeepLevel: z.boolean(),
  cueCallerRaised: z.boolean(),
  cueVenting: z.boolean(),
})
export type Settings = z.infer<typeof settingsSchema>

/** A partial update: at least one known key, nothing else. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'needs at least one setting to change')
export type SettingsPatch = z.infer<typeof settingsPatchSchema>
