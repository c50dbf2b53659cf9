import { z } from 'zod'
import { MAX_NOTE_BYTES, noteBytes } from './note-size'
import { NOTE_ITEM_KINDS } from './note-items'

export const noteItemSchema = z.strictObject({
  kind: z.enum(NOTE_ITEM_KINDS),
  text: z.string().max(2000),
  /** A due date as YYYY-MM-DD, or none. */
  due: z.iso.date().nullable(),
  done: z.boolean(),
})

/** The parts of a note the agent writes. */
export const noteFieldsSchema = z.strictObject({
  whatHappened: z.string(),
  callerWants: z.string(),
  resolved: z.string(),
  freeText: z.string(),
  items: z.array(noteItemSchema).max(100, 'at most 100 promises and follow-ups'),
})

export const noteSchema = noteFieldsSchema.extend({
  id: z.number().int(),
  callId: z.number().int().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  revision: z.number().int(),
})

/**
 * Saves a note: `id` for an existing note, else the note of `callId`, else (a walk-in incident,
 * `callId` null) the note the window created under `draftKey`.
 */
export const noteSaveSchema = noteFieldsSchema
  .extend({
    id: z.number().int().positive().optional(),
    callId: z.number().int().positive().nullable(),
    draftKey: z.uuid().optional(),
  })
  .refine((note) => noteBytes(note) <= MAX_NOTE_BYTES, {
    message: `The note is larger than ${MAX_NOTE_BYTES / 1024} KB. Nothing was saved: shorten it or split it.`,
    path: ['freeText'],
  })

/** A note found by search or listed as recent, with its call's facts beside it. */
export const noteHitSchema = z.strictObject({
  note: noteSchema,
  call: z
    .strictObject({
      startedAt: z.number().int(),
      endedAt: z.number().int().nullable(),
      hard: z.boolean(),
      caller: z.string().nullable(),
    })
    .nullable(),
  /** The matching passage with matches between \u0002 and \u0003, or '' without a query. */
  snippet: z.string(),
})

export type NoteItem = z.infer<typeof noteItemSchema>
export type NoteFields = z.infer<typeof noteFieldsSchema>
export type Note = z.infer<typeof noteSchema>
export type NoteSave = z.infer<typeof noteSaveSchema>
export type NoteHit = z.infer<typeof noteHitSchema>
