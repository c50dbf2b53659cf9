import { z } from 'zod'
import { actionSources, eventSources } from './actions'
import { callCueFiguresSchema, privateCueFigures } from './cues/figures'
import { exportFormats } from './export-formats'
import { APP_LOCALES } from './locales'

/**
 * Version of the JSON report's shape. Bump it when a field changes meaning or disappears. Fields
 * added later (the call's `cues`, the summary's cue figures) read as null or 0 from older files.
 */
export const EXPORT_SCHEMA_VERSION = 1

export { exportFormats, type ExportFormat } from './export-formats'

/** A moment: epoch milliseconds and the same moment as local ISO 8601 text with its offset. */
const momentSchema = z.strictObject({ ms: z.number().int(), local: z.string() })

export const reportEventSchema = z.strictObject({
  id: z.number().int(),
  at: momentSchema,
  kind: z.string(),
  /** The kind's name in the report's language. */
  label: z.string(),
  text: z.string().nullable(),
  source: z.enum(eventSources),
})

/** A promise or follow-up as in a note (no length cap: masking may change the length). */
export const reportItemSchema = z.strictObject({
  kind: z.enum(['promise', 'follow-up']),
  text: z.string(),
  due: z.iso.date().nullable(),
  done: z.boolean(),
})

export const reportNoteSchema = z.strictObject({
  id: z.number().int(),
  callId: z.number().int().nullable(),
  createdAt: momentSchema,
  updatedAt: momentSchema,
  whatHappened: z.string(),
  callerWants: z.string(),
  resolved: z.string(),
  freeText: z.string(),
  items: z.array(reportItemSchema),
})

/**
 * One call's figures from its sound levels (shared/cues/figures.ts: durations in ms, counts; the
 * talk shares are worked out from them). The figures about the agent's own voice
 * (`privateCueFigures`) are in the agent's own export and absent from the team-folder copy.
 */
export const reportCallCuesSchema = z.strictObject({
  ...callCueFiguresSchema.shape,
  ...(Object.fromEntries(privateCueFigures.map((key) => [key, callCueFiguresSchema.shape[key].optional()])) as {
    [K in (typeof privateCueFigures)[number]]: z.ZodOptional<(typeof callCueFiguresSchema.shape)[K]>
  }),
})

export const reportCallSchema = z.strictObject({
  id: z.number().int(),
  startedAt: momentSchema,
  endedAt: momentSchema.nullable(),
  /** Until the end, or until the report was made for a call still in progress. */
  durationMs: z.number().int().nonnegative(),
  /** As stored per the privacy setting (null, "…1234" or the full number), masked when redacted. */
  caller: z.string().nullable(),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  hard: z.boolean(),
  source: z.enum(actionSources),
  events: z.array(reportEventSchema),
  note: reportNoteSchema.nullable(),
  /** Null when live call cues did not follow the call. */
  cues: reportCallCuesSchema.nullable().default(null),
})

export const reportRecoverySchema = z.strictObject({
  id: z.number().int(),
  callId: z.number().int().nullable(),
  status: z.enum(['running', 'paused', 'finished', 'ended-early']),
  startedAt: momentSchema,
  endedAt: momentSchema.nullable(),
  takenMs: z.number().int().nonnegative(),
})

export const reportSummarySchema = z.strictObject({
  calls: z.number().int().nonnegative(),
  hardCalls: z.number().int().nonnegative(),
  talkTimeMs: z.number().int().nonnegative(),
  boundaryWarnings: z.number().int().nonnegative(),
  /** Calls ended because of abuse. */
  abuseEnds: z.number().int().nonnegative(),
  /** Calls with a supervisor requested or a hand-over. */
  supervisorHandovers: z.number().int().nonnegative(),
  promisesOpen: z.number().int().nonnegative(),
  followUpsOpen: z.number().int().nonnegative(),
  recoveryBreaks: z.number().int().nonnegative(),
  recoveryMs: z.number().int().nonnegative(),
  walkIns: z.number().int().nonnegative(),
  /** Calls live call cues followed. */
  cueCalls: z.number().int().nonnegative().default(0),
  /** The caller's voice louder than their usual voice, added up over those calls. */
  callerRaisedMs: z.number().int().nonnegative().default(0),
})

/**
 * What only a copy for the team folder carries (a plain export has none): who wrote it, as a
 * random installation id and, only if the agent ticked "show my name in team reports", the name;
 * and the figures the team report needs beyond the summary.
 */
export const reportTeamSchema = z.strictObject({
  agent: z.strictObject({
    /** Random per installation: tells agents apart and the same shift twice, names no one. */
    id: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
    /** Null unless the agent opted in when the file was written. */
    name: z.string().min(1).max(80).nullable(),
  }),
  /** Help requests sent in the range (null when this CalmDeck does not know them). */
  helpRequests: z.number().int().nonnegative().nullable(),
  breaks: z.strictObject({
    offered: z.number().int().nonnegative(),
    taken: z.number().int().nonnegative(),
    declined: z.number().int().nonnegative(),
  }),
})

/** The whole report: what the JSON export contains, and what every other format is made from. */
export const exportReportSchema = z.strictObject({
  format: z.literal('calmdeck.report'),
  schemaVersion: z.literal(EXPORT_SCHEMA_VERSION),
  generatedAt: momentSchema,
  /** [from, to) */
  range: z.strictObject({ from: momentSchema, to: momentSchema }),
  /** IANA name of the time zone the local times are in, e.g. "Europe/Amsterdam". */
  timeZone: z.string(),
  language: z.enum(APP_LOCALES),
  redacted: z.boolean(),
  remark: z.string(),
  summary: reportSummarySchema,
  /** Oldest first. */
  calls: z.array(reportCallSchema),
  /** Notes written without a call, created in the range. */
  walkIns: z.array(reportNoteSchema),
  recoveries: z.array(reportRecoverySchema),
  /** Only in the copy written to the team folder. */
  team: reportTeamSchema.optional(),
})

export type ExportReport = z.infer<typeof exportReportSchema>
export type ReportCall = z.infer<typeof reportCallSchema>
export type ReportCallCues = z.infer<typeof reportCallCuesSchema>
export type ReportEvent = z.infer<typeof reportEventSchema>
export type ReportNote = z.infer<typeof reportNoteSchema>
export type ReportSummary = z.infer<typeof reportSummarySchema>
export type ReportRecovery = z.infer<typeof reportRecoverySchema>
export type ReportTeam = z.infer<typeof reportTeamSchema>

/** Most one remark may hold. */
export const MAX_REMARK_CHARS = 4000

const rangeSchema = z
  .strictObject({ from: z.number().int().nonnegative(), to: z.number().int().nonnegative() })
  .refine((range) => range.to > range.from, { message: '"to" must be after "from"', path: ['to'] })

/** `export:preview`: a range, or none for the current shift as Settings define it. */
export const exportPreviewRequestSchema = z.strictObject({
  range: rangeSchema.optional(),
  /** The window's language, which the report follows. */
  language: z.enum(APP_LOCALES).optional(),
})

export const exportPreviewSchema = z.strictObject({
  from: z.number().int(),
  to: z.number().int(),
  timeZone: z.string(),
  summary: reportSummarySchema,
})

export const exportRunRequestSchema = z.strictObject({
  range: rangeSchema,
  formats: z
    .array(z.enum(exportFormats))
    .min(1, 'choose at least one format')
    .max(exportFormats.length)
    .refine((list) => new Set(list).size === list.length, 'each format once'),
  folder: z.string().trim().min(1, 'choose a folder').max(1000),
  remark: z.string().max(MAX_REMARK_CHARS),
  redact: z.boolean(),
  /** Replace files of the same name. */
  force: z.boolean().optional(),
  /** The window's language, which the report follows (else Settings, else English). */
  language: z.enum(APP_LOCALES).optional(),
})

export const exportRunResultSchema = z.strictObject({
  files: z.array(z.strictObject({ format: z.enum(exportFormats), path: z.string() })),
  /** Whether this host can show a file in the system's file manager. */
  canReveal: z.boolean(),
  /** Copies written to the team folder (when Settings name one). */
  teamFiles: z.array(z.string()).optional(),
  /** Why the team copy could not be written (the personal files were). */
  teamError: z.string().optional(),
})

export type ExportPreview = z.infer<typeof exportPreviewSchema>
export type ExportRunRequest = z.infer<typeof exportRunRequestSchema>
export type ExportRunResult = z.infer<typeof exportRunResultSchema>
