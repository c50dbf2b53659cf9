import { noteItemSchema, type Note, type NoteHit, type NoteItem, type NoteSave } from '../../../shared/notes'
import { AppError } from '../../../shared/result'
import { z } from 'zod'
import type { Db } from '../storage/database'
import { foldForSearch } from '../storage/fold'
import type { NoteRow } from '../storage/rows'

/** A search hit: the note, its call's columns (null for a walk-in) and the matching snippet. */
interface HitRow extends NoteRow {
  started_at: number | null
  ended_at: number | null
  hard: number | null
  caller: string | null
  snippet: string
}

const itemsSchema = z.array(noteItemSchema)

/** A stored note as the contract has it (items checked by their schema). */
export const toNote = (row: NoteRow): Note => ({
  id: row.id,
  callId: row.call_id,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  revision: row.revision,
  whatHappened: row.what_happened,
  callerWants: row.caller_wants,
  resolved: row.resolved,
  freeText: row.free_text,
  items: parseItems(row.items),
})

const toHit = (row: HitRow): NoteHit => ({
  note: toNote(row),
  call:
    row.started_at === null
      ? null
      : { startedAt: row.started_at, endedAt: row.ended_at, hard: row.hard === 1, caller: row.caller },
  snippet: row.snippet,
})

function parseItems(json: string): NoteItem[] {
  const parsed = itemsSchema.safeParse(JSON.parse(json))
  return parsed.success ? parsed.data : []
}

/** Promises and follow-ups as plain text for the search index. */
const itemsText = (items: readonly NoteItem[]) => items.map((item) => item.text).join('\n')

const HIT_COLUMNS = `notes.*, calls.started_at, calls.ended_at, calls.hard, calls.caller`

/**
 * Incident notes. A save is one transaction (note, search index, revision) committed before it
 * answers, so "Saved" in the window always means on disk.
 */
export class NoteService {
  private readonly stmt

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
  ) {
    this.stmt = {
      byId: db.prepare<[number], NoteRow>('SELECT * FROM notes WHERE id = ?'),
      byCall: db.prepare<[number], NoteRow>('SELECT * FROM notes WHERE call_id = ?'),
      byDraftKey: db.prepare<[string], NoteRow>('SELECT * FROM notes WHERE draft_key = ?'),
      callExists: db.prepare<[number], { id: number }>('SELECT id FROM calls WHERE id = ?'),
      insert: db.prepare(
        `INSERT INTO notes (call_id, draft_key, created_at, updated_at, what_happened, caller_wants, resolved, free_text, items, items_text)
         VALUES (@callId, @draftKey, @now, @now, @whatHappened, @callerWants, @resolved, @freeText, @items, @itemsText)`,
      ),
      update: db.prepare(
        `UPDATE notes SET updated_at = @now, revision = revision + 1, what_happened = @whatHappened,
           caller_wants = @callerWants, resolved = @resolved, free_text = @freeText, items = @items, items_text = @itemsText
         WHERE id = @id`,
      ),
      search: db.prepare<[string, number], HitRow>(
        `SELECT ${HIT_COLUMNS}, snippet(notes_fts, -1, char(2), char(3), '…', 12) AS snippet
         FROM notes_fts JOIN notes ON notes.id = notes_fts.rowid LEFT JOIN calls ON calls.id = notes.call_id
         WHERE notes_fts MATCH ? ORDER BY rank LIMIT ?`,
      ),
      recent: db.prepare<[number], HitRow>(
        `SELECT ${HIT_COLUMNS}, '' AS snippet FROM notes LEFT JOIN calls ON calls.id = notes.call_id
         ORDER BY notes.updated_at DESC, notes.id DESC LIMIT ?`,
      ),
    }
  }

  get(id: number): Note {
    const row = this.stmt.byId.get(id)
    if (!row) throw new AppError('not-found', 'This note does not exist.')
    return toNote(row)
  }

  /** The note of a call, or null if nothing was written for it yet. */
  forCall(callId: number): Note | null {
    const row = this.stmt.byCall.get(callId)
    return row ? toNote(row) : null
  }

  /** Creates or updates a note and returns it as stored. */
  save(input: NoteSave): Note {
    const id = this.db
      .transaction(() => {
        const values = {
          now: this.now(),
          whatHappened: input.whatHappened,
          callerWants: input.callerWants,
          resolved: input.resolved,
          freeText: input.freeText,
          items: JSON.stringify(input.items),
          itemsText: itemsText(input.items),
        }
        const existing = this.existing(input)
        if (existing) {
          this.stmt.update.run({ ...values, id: existing.id })
          return existing.id
        }
        if (input.callId !== null && !this.stmt.callExists.get(input.callId)) {
          throw new AppError('not-found', 'The call for this note does not exist.')
        }
        const draftKey = input.callId === null ? (input.draftKey ?? null) : null
        return Number(this.stmt.insert.run({ ...values, callId: input.callId, draftKey }).lastInsertRowid)
      })
      .immediate()
    return this.get(id)
  }

  /** Full-text search over every note (diacritics ignored, words as prefixes); recent notes without a query. */
  search(query: string, limit = 50): NoteHit[] {
    const match = toMatchExpression(query)
    if (match === null) return this.stmt.recent.all(limit).map(toHit)
    return this.stmt.search.all(match, limit).map(toHit)
  }

  private existing(input: NoteSave): NoteRow | undefined {
    if (input.id !== undefined) {
      const row = this.stmt.byId.get(input.id)
      if (!row) throw new AppError('not-found', 'This note does not exist.')
      return row
    }
    if (input.callId !== null) return this.stmt.byCall.get(input.callId)
    return input.draftKey === undefined ? undefined : this.stmt.byDraftKey.get(input.draftKey)
  }
}

/**
 * Turns what the user typed into an FTS5 query: every word must match as a prefix. Words are
 * quoted, so operators and punctuation in the input are taken literally. Null for no words.
 */
export function toMatchExpression(query: string): string | null {
  const words = foldForSearch(query).match(/[\p{L}\p{N}]+/gu)
  if (!words || words.length === 0) return null
  return words
    .slice(0, 12)
    .map((word) => `"${word}"*`)
    .join(' ')
}
