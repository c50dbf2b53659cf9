import { z } from 'zod'
import { actionSources, eventSources } from './actions'
import { deckSchema } from './deck'
import { MAX_EVENT_TEXT } from './limits'
import { noteItemSchema } from './notes'
import { recoveryStatuses } from './recovery'
import { settingsSchema } from './settings'
import { callCuesSchema } from './cues/figures'

/**
 * "Export all my data": everything CalmDeck stores about the agent's work in one JSON file that
 * "Import my data…" reads back into an empty CalmDeck. `schemaVersion` changes when the shape
 * does; an importer refuses versions it does not know.
 */
export const PERSONAL_DATA_FORMAT = 'calmdeck-personal-data'
export const PERSONAL_DATA_VERSION = 1

/** What the window must send to delete everything: a fixed phrase, whatever the language. */
export const DELETE_ALL_CONFIRMATION = 'delete all my data'

/** Files larger than this are refused before parsing. */
export const MAX_PERSONAL_DATA_CHARS = 256 * 1024 * 1024

const id = z.number().int().positive()
const time = z.number().int().nonnegative()
const source = z.enum(actionSources)
const text = z.string().max(200_000)

export const personalCallSchema = z.strictObject({
  id,
  startedAt: time,
  endedAt: time.nullable(),
  caller: z.string().max(200).nullable(),
  direction: z.enum(['inbound', 'outbound']).nullable(),
  hard: z.boolean(),
  source,
  externalId: z.string().max(400).nullable(),
  pinned: z.boolean(),
})

export const personalEventSchema = z.strictObject({
  id,
  callId: id,
  at: time,
  kind: z.string().min(1).max(60),
  text: z.string().max(MAX_EVENT_TEXT).nullable(),
  source: z.enum(eventSources),
})

export const personalNoteSchema = z.strictObject({
  id,
  callId: id.nullable(),
  createdAt: time,
  updatedAt: time,
  revision: z.number().int().positive(),
  whatHappened: text,
  callerWants: text,
  resolved: text,
  freeText: text,
  items: z.array(noteItemSchema).max(500),
})

export const personalBreakSchema = z.strictObject({
  id,
  callId: id.nullable(),
  status: z.enum(recoveryStatuses),
  offeredAt: time.nullable(),
  durationMs: z.number().int().positive(),
  startedAt: time.nullable(),
  pausedAt: time.nullable(),
  pausedTotalMs: z.number().int().nonnegative(),
  endedAt: time.nullable(),
  source,
})

export const personalDeckSchema = z.strictObject({ deck: deckSchema, importedAt: time })

export const personalDataSchema = z
  .strictObject({
    format: z.literal(PERSONAL_DATA_FORMAT),
    schemaVersion: z.literal(PERSONAL_DATA_VERSION, `this file's version is not one CalmDeck can read`),
    exportedAt: time,
    appVersion: z.string().max(100),
    calls: z.array(personalCallSchema),
    events: z.array(personalEventSchema),
    notes: z.array(personalNoteSchema),
    breaks: z.array(personalBreakSchema),
    /** Each call's figures from the live call cues (files from before the cues have none). */
    callCues: z.array(callCuesSchema).optional(),
    /** The settings as stored; ones this version does not have are ignored, missing ones are defaults. */
    settings: settingsSchema.partial(),
    /** Imported decks, oldest first (the newest is the active one). */
    decks: z.array(personalDeckSchema).max(1000),
  })
  .superRefine((data, context) => {
    const calls = new Set(data.calls.map((call) => call.id))
    const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message })
    unique(data.calls, 'calls', issue)
    unique(data.events, 'events', issue)
    unique(data.notes, 'notes', issue)
    unique(data.breaks, 'breaks', issue)
    const open = data.calls.filter((call) => call.endedAt === null)
    if (open.length > 1) issue(['calls'], 'at most one call can be open')
    data.events.forEach((event, index) => {
      if (!calls.has(event.callId)) issue(['events', index, 'callId'], 'no such call')
    })
    const noted = new Set<number>()
    data.notes.forEach((note, index) => {
      if (note.callId === null) return
      if (!calls.has(note.callId)) issue(['notes', index, 'callId'], 'no such call')
      if (noted.has(note.callId)) issue(['notes', index, 'callId'], 'a call has at most one note')
      noted.add(note.callId)
    })
    data.breaks.forEach((item, index) => {
      if (item.callId !== null && !calls.has(item.callId)) issue(['breaks', index, 'callId'], 'no such call')
    })
    const measured = new Set<number>()
    data.callCues?.forEach((item, index) => {
      if (!calls.has(item.callId)) issue(['callCues', index, 'callId'], 'no such call')
      if (measured.has(item.callId)) issue(['callCues', index, 'callId'], 'a call has its figures once')
      measured.add(item.callId)
    })
  })

function unique(
  rows: readonly { id: number }[],
  name: string,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const seen = new Set<number>()
  rows.forEach((row, index) => {
    if (seen.has(row.id)) issue([name, index, 'id'], 'the same id twice')
    seen.add(row.id)
  })
}

export type PersonalData = z.infer<typeof personalDataSchema>

/** What a delete or an import did, for the window. */
export const personalDataCountsSchema = z.strictObject({
  calls: z.number().int(),
  events: z.number().int(),
  notes: z.number().int(),
  breaks: z.number().int(),
  decks: z.number().int(),
})
export type PersonalDataCounts = z.infer<typeof personalDataCountsSchema>
