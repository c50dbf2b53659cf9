import { z } from 'zod'
import { actionSources, isActionId, type ActionId } from './actions'
import { aboutInfoSchema, diagnosticsFileSchema } from './about'
import { backupStateSchema } from './backups'
import { callEventSchema, callListItemSchema, callSchema, callStateSchema, MAX_EVENT_TEXT } from './calls'
import type { Channel, HostEvent } from './channels'
import { deckSchema } from './deck'
import {
  exportPreviewRequestSchema,
  exportPreviewSchema,
  exportRunRequestSchema,
  exportRunResultSchema,
} from './export'
import { noteHitSchema, noteSaveSchema, noteSchema } from './notes'
import { DELETE_ALL_CONFIRMATION, MAX_PERSONAL_DATA_CHARS, personalDataCountsSchema } from './personal-data'
import { daySummarySchema, recoveryStateSchema } from './recovery'
import { errorCodes } from './result'
import { policyViewSchema } from './policy'
import { settingsPatchSchema, settingsSchema } from './settings'
import { MAX_HELP_TEXT, outboxItemSchema, teamEndpointRequestSchema, teamStateSchema } from './team'
import { micAnswerSchema, micStateSchema } from './mic'
import { callCueFiguresSchema, callCuesSchema } from './cues/figures'
import { teamReportPreviewRequestSchema, teamReportPreviewSchema, teamReportWriteRequestSchema } from './team-report'

const empty = z.strictObject({})

const appErrorSchema = z.strictObject({
  code: z.enum(errorCodes),
  message: z.string(),
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
})

/**
 * Something the user must be told about storage: a damaged database was moved aside and the
 * newest good backup restored (`database-restored`) or, with none, a fresh one started
 * (`database-recovered`); or the backup before a migration failed (`backup-failed`).
 */
export const storageNoticeSchema = z.strictObject({
  kind: z.enum(['database-recovered', 'database-restored', 'backup-failed']),
  /** File name (not a full path) the damaged database was moved to; empty for `backup-failed`. */
  movedTo: z.string(),
  /** When the restored backup was taken: the data now goes back to then. */
  restoredFrom: z.number().int().nullable(),
  at: z.number().int(),
})

export const appInfoSchema = z.strictObject({
  version: z.string(),
  host: z.enum(['electron', 'web']),
  /** The keyboard's operating system: the key recorder and hotkey names follow it. */
  platform: z.enum(['mac', 'windows', 'linux']),
  notices: z.array(storageNoticeSchema),
  /** IT's policy as the window may see it (what is locked; never the team channel's URL). */
  policy: policyViewSchema,
})

export const deckStateSchema = z.strictObject({
  deck: deckSchema,
  /** The built-in deck, the agent's import, or the deck IT's policy sets (no import then). */
  source: z.enum(['default', 'imported', 'policy']),
  importedAt: z.number().int().nullable(),
})

const actionIdSchema = z
  .string()
  .max(60)
  .refine(isActionId, 'unknown action')
  .transform((value) => value as ActionId)

/** What carrying out an action did. */
export const actionOutcomeSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('logged'), event: callEventSchema }),
  z.strictObject({ type: z.literal('undone'), event: callEventSchema }),
  z.strictObject({ type: z.literal('call-started'), state: callStateSchema }),
  z.strictObject({ type: z.literal('call-ended'), state: callStateSchema }),
  z.strictObject({ type: z.literal('ui'), action: actionIdSchema }),
  z.strictObject({ type: z.literal('recovery'), state: recoveryStateSchema.nullable() }),
  z.strictObject({ type: z.literal('help-requested'), item: outboxItemSchema }),
])

export const hotkeyStatusSchema = z.strictObject({
  /** False where global hotkeys cannot exist (the browser). */
  available: z.boolean(),
  bindings: z.array(z.strictObject({ action: actionIdSchema, accelerator: z.string(), registered: z.boolean() })),
})

/** A time range in epoch milliseconds, [from, to). */
const rangeSchema = z.strictObject({
  from: z.number().int().nonnegative(),
  to: z.number().int().nonnegative(),
  hardOnly: z.boolean().optional(),
})

/** Deck files larger than this are refused before parsing. */
export const MAX_DECK_FILE_CHARS = 512 * 1024

/**
 * The one contract between the renderer and a host (Electron IPC or the web host's WebSocket):
 * a request and a response schema for every channel.
 */
export const contract = {
  'app:info': { request: empty, response: appInfoSchema },
  'settings:get': { request: empty, response: settingsSchema },
  'settings:update': { request: settingsPatchSchema, response: settingsSchema },
  'deck:get': { request: empty, response: deckStateSchema },
  'deck:import': {
    request: z.strictObject({
      text: z.string().max(MAX_DECK_FILE_CHARS, `a deck file may be at most ${MAX_DECK_FILE_CHARS / 1024} KB`),
    }),
    response: deckStateSchema,
  },
  'deck:export': {
    request: empty,
    response: z.strictObject({ fileName: z.string(), text: z.string() }),
  },
  'deck:reset': { request: empty, response: deckStateSchema },
  'actions:perform': {
    request: z.strictObject({ action: actionIdSchema, text: z.string().max(MAX_EVENT_TEXT).optional() }),
    response: actionOutcomeSchema,
  },
  'calls:current': { request: empty, response: callStateSchema },
  'calls:list': {
    request: rangeSchema.refine((range) => range.to > range.from, {
      message: '"to" must be after "from"',
      path: ['to'],
    }),
    response: z.array(callListItemSchema),
  },
  'calls:timeline': {
    request: z.strictObject({ callId: z.number().int().positive() }),
    response: z.strictObject({ call: callSchema, events: z.array(callEventSchema) }),
  },
  'events:undo': { request: z.strictObject({ eventId: z.number().int().positive() }), response: callEventSchema },
  'hotkeys:status': { request: empty, response: hotkeyStatusSchema },
  'notes:get': { request: z.strictObject({ id: z.number().int().positive() }), response: noteSchema },
  'notes:for-call': {
    request: z.strictObject({ callId: z.number().int().positive() }),
    response: noteSchema.nullable(),
  },
  'notes:save': { request: noteSaveSchema, response: noteSchema },
  'notes:search': {
    request: z.strictObject({ query: z.string().max(200), limit: z.number().int().min(1).max(200).optional() }),
    response: z.array(noteHitSchema),
  },
  'recovery:current': { request: empty, response: recoveryStateSchema.nullable() },
  'recovery:start': {
    request: z.strictObject({
      minutes: z.number().int().min(1, 'at least 1 minute').max(30, 'at most 30 minutes').optional(),
    }),
    response: recoveryStateSchema.nullable(),
  },
  'recovery:decline': { request: empty, response: recoveryStateSchema.nullable() },
  'recovery:pause': { request: empty, response: recoveryStateSchema.nullable() },
  'recovery:resume': { request: empty, response: recoveryStateSchema.nullable() },
  'recovery:extend': {
    request: z.strictObject({ minutes: z.number().int().min(1).max(10).optional() }),
    response: recoveryStateSchema.nullable(),
  },
  'recovery:end': { request: empty, response: recoveryStateSchema.nullable() },
  'day:summary': { request: rangeSchema.omit({ hardOnly: true }), response: daySummarySchema },
  /** The window answers `app:flush`: everything typed has been saved (or could not be). */
  'app:flushed': { request: z.strictObject({ requestId: z.number().int() }), response: z.null() },
  /** The summary of a range, or of the current shift (no range), before exporting it. */
  'export:preview': { request: exportPreviewRequestSchema, response: exportPreviewSchema },
  /** Writes the report in each format into the folder; refuses to overwrite without `force`. */
  'export:run': { request: exportRunRequestSchema, response: exportRunResultSchema },
  /** The system's folder picker (desktop); `supported: false` where there is none. */
  'export:choose-folder': {
    request: empty,
    response: z.strictObject({ supported: z.boolean(), folder: z.string().nullable() }),
  },
  /** Shows a file the last exports wrote in the file manager (desktop). */
  'export:reveal': {
    request: z.strictObject({ path: z.string().min(1).max(1200) }),
    response: z.strictObject({ revealed: z.boolean() }),
  },
  /** The backups in the data folder and whether the last attempt failed. */
  'backups:state': { request: empty, response: backupStateSchema },
  /** "Back up now": resolves once the backup is written and checked. */
  'backups:create': { request: empty, response: backupStateSchema },
  /** "Restore this backup": the current data is kept aside, then the backup's data is in use. */
  'backups:restore': {
    request: z.strictObject({ name: z.string().min(1).max(200) }),
    response: z.strictObject({ restoredFrom: z.number().int() }),
  },
  /** "Keep this incident": a pinned call is never deleted by retention. */
  'calls:pin': {
    request: z.strictObject({ callId: z.number().int().positive(), pinned: z.boolean() }),
    response: callSchema,
  },
  /** "Export all my data": the schema-versioned JSON (shared/personal-data.ts) to save. */
  'data:export': { request: empty, response: z.strictObject({ fileName: z.string(), text: z.string() }) },
  /** "Import my data…": into an empty CalmDeck only, all or nothing. */
  'data:import': {
    request: z.strictObject({ text: z.string().max(MAX_PERSONAL_DATA_CHARS) }),
    response: personalDataCountsSchema,
  },
  /** "Delete all my data": the window sends the fixed phrase once the agent typed the confirmation. */
  'data:delete-all': {
    request: z.strictObject({ confirm: z.literal(DELETE_ALL_CONFIRMATION) }),
    response: personalDataCountsSchema,
  },
  /** The team channel (URL masked), the latest help request and the messages that failed. */
  'team:state': { request: empty, response: teamStateSchema },
  /** Sets the team channel and its URL (a secret), or turns it off. */
  'team:set-endpoint': { request: teamEndpointRequestSchema, response: teamStateSchema },
  /** "Ask for help" from the window with a line of text and, if ticked, the call's note. */
  'team:help': {
    request: z.strictObject({ text: z.string().max(MAX_HELP_TEXT), includeNote: z.boolean() }),
    response: outboxItemSchema,
  },
  /** "Send a test message". */
  'team:test': { request: empty, response: outboxItemSchema },
  'team:retry': { request: z.strictObject({ id: z.number().int().positive() }), response: teamStateSchema },
  'team:drop': { request: z.strictObject({ id: z.number().int().positive() }), response: teamStateSchema },
  /** The microphone source: whether it observes, and the question the window shows. */
  'mic:state': { request: empty, response: micStateSchema },
  /** An answer to "Is it your phone?" or "Log this as a call?". */
  'mic:answer': { request: micAnswerSchema, response: micStateSchema },
  'about:get': { request: empty, response: aboutInfoSchema },
  /** Opens the data folder in the file manager (desktop); `opened: false` in the browser. */
  'about:open-data-dir': { request: empty, response: z.strictObject({ opened: z.boolean() }) },
  'diagnostics:export': { request: empty, response: diagnosticsFileSchema },
  /** The team folder's figures per week for the "Team report…" panel, and the files skipped. */
  'team-report:preview': { request: teamReportPreviewRequestSchema, response: teamReportPreviewSchema },
  /** Writes the team report (per day and per week) into a folder; never overwrites without `force`. */
  'team-report:write': { request: teamReportWriteRequestSchema, response: z.strictObject({ path: z.string() }) },
  /** The live call cues heard the caller's voice raised in this (open) call: logged with origin `cues`. */
  'cues:caller-raised': { request: z.strictObject({ callId: z.number().int().positive() }), response: callEventSchema },
  /** A call's figures from its sound levels, sent by the window when it stops listening. */
  'cues:save': { request: callCuesSchema, response: callCueFiguresSchema },
  'cues:for-call': {
    request: z.strictObject({ callId: z.number().int().positive() }),
    response: callCueFiguresSchema.nullable(),
  },
} as const satisfies Record<Channel, { request: z.ZodType; response: z.ZodType }>

export const hostEventSchemas = {
  'settings:changed': settingsSchema,
  'deck:changed': deckStateSchema,
  'calls:changed': callStateSchema,
  'ui:action': z.strictObject({ action: actionIdSchema, source: z.enum(actionSources) }),
  'hotkeys:changed': hotkeyStatusSchema,
  /** An action triggered outside the window (global hotkey, softphone), and what it did. */
  /** The host is about to stop (quit, sleep, log-off): save what is pending, then answer `app:flushed`. */
  'app:flush': z.strictObject({ requestId: z.number().int() }),
  'recovery:changed': recoveryStateSchema.nullable(),
  'backups:changed': backupStateSchema,
  /** The data was replaced by a backup's: windows start over from the host's state. */
  'app:restored': z.strictObject({ restoredFrom: z.number().int() }),
  'team:changed': teamStateSchema,
  'mic:changed': micStateSchema,
  /** IT's policy file changed while running: what is locked now, and its problems. */
  'policy:changed': policyViewSchema,
  'actions:performed': z.union([
    z.strictObject({ source: z.enum(actionSources), action: actionIdSchema, outcome: actionOutcomeSchema }),
    z.strictObject({ source: z.enum(actionSources), action: actionIdSchema, error: appErrorSchema }),
  ]),
} as const satisfies Record<HostEvent, z.ZodType>

export type Contract = typeof contract
export type Request<C extends Channel> = z.input<Contract[C]['request']>
/** A request after its schema parsed it: what a handler receives. */
export type ParsedRequest<C extends Channel> = z.output<Contract[C]['request']>
export type Response<C extends Channel> = z.output<Contract[C]['response']>
export type HostEventData<E extends HostEvent> = z.output<(typeof hostEventSchemas)[E]>
export type AppInfo = z.infer<typeof appInfoSchema>
export type DeckState = z.infer<typeof deckStateSchema>
export type StorageNotice = z.infer<typeof storageNoticeSchema>
export type ActionOutcome = z.infer<typeof actionOutcomeSchema>
export type HotkeyStatus = z.infer<typeof hotkeyStatusSchema>
