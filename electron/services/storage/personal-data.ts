import fs from 'node:fs'
import path from 'node:path'
import {
  PERSONAL_DATA_FORMAT,
  PERSONAL_DATA_VERSION,
  personalDataSchema,
  type PersonalData,
  type PersonalDataCounts,
} from '../../../shared/personal-data'
import { AppError, formatPath } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import { PORT_FILE, TOKEN_FILE } from '../integrations/local-api-files'
import { USER_SETTINGS_KEY } from '../settings/settings-service'
import { BACKUP_DIR } from './backup-files'
import { DB_FILE, type Db } from './database'
import type { CallCuesRow, CallRow, EventRow, NoteRow, RecoveryRow } from './rows'
import { toFigures } from '../cues/cue-service'
import { toCall, toEvent } from '../calls/call-service'
import { toNote } from '../notes/note-service'

/** The tables that hold the agent's data, children before parents (the order to delete in). */
const TABLES = ['call_cues', 'events', 'notes', 'recoveries', 'calls', 'decks', 'settings'] as const

/** Everything stored, as the schema-versioned file "Export all my data" writes. */
export function exportPersonalData(db: Db, settings: Settings, appVersion: string, now: number): PersonalData {
  const read = db.transaction(() => ({
    calls: db.prepare<[], CallRow>('SELECT * FROM calls ORDER BY id').all(),
    events: db.prepare<[], EventRow>('SELECT * FROM events ORDER BY id').all(),
    notes: db.prepare<[], NoteRow>('SELECT * FROM notes ORDER BY id').all(),
    breaks: db.prepare<[], RecoveryRow>('SELECT * FROM recoveries ORDER BY id').all(),
    callCues: db.prepare<[], CallCuesRow>('SELECT * FROM call_cues ORDER BY call_id').all(),
    decks: db
      .prepare<[], { data: string; imported_at: number }>('SELECT data, imported_at FROM decks ORDER BY id')
      .all(),
  }))()
  return {
    format: PERSONAL_DATA_FORMAT,
    schemaVersion: PERSONAL_DATA_VERSION,
    exportedAt: now,
    appVersion,
    calls: read.calls.map((row) => ({ ...toCall(row), externalId: row.external_id })),
    events: read.events.map(toEvent),
    notes: read.notes.map(toNote),
    breaks: read.breaks.map((row) => ({
      id: row.id,
      callId: row.call_id,
      status: row.status,
      offeredAt: row.offered_at,
      durationMs: row.duration_ms,
      startedAt: row.started_at,
      pausedAt: row.paused_at,
      pausedTotalMs: row.paused_total_ms,
      endedAt: row.ended_at,
      source: row.source,
    })),
    callCues: read.callCues.map((row) => ({ callId: row.call_id, figures: toFigures(row) })),
    settings,
    decks: read.decks.map((row) => ({
      deck: JSON.parse(row.data) as PersonalData['decks'][number]['deck'],
      importedAt: row.imported_at,
    })),
  }
}

/** Parses an exported file; every problem is reported with its path, nothing is stored. */
export function parsePersonalData(text: string): PersonalData {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new AppError('invalid-request', 'This is not a CalmDeck data file (it is not JSON).')
  }
  const parsed = personalDataSchema.safeParse(json)
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 50)
      .map((item) => ({ path: formatPath(item.path), message: item.message }))
    throw new AppError('invalid-request', 'This CalmDeck data file cannot be imported.', issues)
  }
  return parsed.data
}

/** True when CalmDeck holds no calls, notes, breaks or imported decks (settings do not count). */
export function isEmpty(db: Db): boolean {
  const row = db
    .prepare<[], { n: number }>(
      `SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM notes) + (SELECT count(*) FROM recoveries)
         + (SELECT count(*) FROM decks) AS n`,
    )
    .get()
  return row?.n === 0
}

/**
 * "Import my data…": all of the file or nothing, in one transaction, into an empty CalmDeck only
 * (refused otherwise: merging two histories would mix ids and break the timeline). Ids are kept,
 * so a note stays on its call; the search index fills by its triggers.
 */
export function importPersonalData(db: Db, data: PersonalData, settings: Settings): PersonalDataCounts {
  const insert = {
    call: db.prepare(
      `INSERT INTO calls (id, started_at, ended_at, caller, direction, hard, source, external_id, pinned)
       VALUES (@id, @startedAt, @endedAt, @caller, @direction, @hard, @source, @externalId, @pinned)`,
    ),
    event: db.prepare(
      'INSERT INTO events (id, call_id, at, kind, text, source) VALUES (@id, @callId, @at, @kind, @text, @source)',
    ),
    note: db.prepare(
      `INSERT INTO notes (id, call_id, created_at, updated_at, revision, what_happened, caller_wants, resolved, free_text, items, items_text)
       VALUES (@id, @callId, @createdAt, @updatedAt, @revision, @whatHappened, @callerWants, @resolved, @freeText, @items, @itemsText)`,
    ),
    recovery: db.prepare(
      `INSERT INTO recoveries (id, call_id, status, offered_at, duration_ms, started_at, paused_at, paused_total_ms, ended_at, source)
       VALUES (@id, @callId, @status, @offeredAt, @durationMs, @startedAt, @pausedAt, @pausedTotalMs, @endedAt, @source)`,
    ),
    callCues: db.prepare(
      `INSERT INTO call_cues (call_id, duration_ms, you_ms, caller_ms, silence_ms, overlap_ms, talk_overs,
         caller_longest_ms, caller_raised_ms, you_raised_ms)
       VALUES (@callId, @durationMs, @youMs, @callerMs, @silenceMs, @overlapMs, @talkOvers,
         @callerLongestMs, @callerRaisedMs, @youRaisedMs)`,
    ),
    deck: db.prepare('INSERT INTO decks (deck_id, data, imported_at) VALUES (?, ?, ?)'),
    settings: db.prepare('INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)'),
  }
  const run = db.transaction(() => {
    if (!isEmpty(db)) {
      throw new AppError(
        'conflict',
        'CalmDeck already holds calls or notes. Import your data into an empty CalmDeck: delete all data first.',
      )
    }
    for (const call of data.calls) insert.call.run({ ...call, hard: call.hard ? 1 : 0, pinned: call.pinned ? 1 : 0 })
    for (const event of data.events) insert.event.run(event)
    for (const note of data.notes) {
      insert.note.run({
        ...note,
        items: JSON.stringify(note.items),
        itemsText: note.items.map((item) => item.text).join('\n'),
      })
    }
    for (const item of data.breaks) insert.recovery.run(item)
    for (const { callId, figures } of data.callCues ?? []) insert.callCues.run({ callId, ...figures })
    for (const deck of data.decks) insert.deck.run(deck.deck.id, JSON.stringify(deck.deck), deck.importedAt)
    insert.settings.run(USER_SETTINGS_KEY, JSON.stringify(settings))
  })
  try {
    run.immediate()
  } catch (error) {
    if (error instanceof AppError) throw error
    // A constraint the schema does not know (e.g. a break that is live twice): nothing was stored.
    throw new AppError(
      'invalid-request',
      'This CalmDeck data file cannot be imported: its records contradict each other.',
    )
  }
  return {
    calls: data.calls.length,
    events: data.events.length,
    notes: data.notes.length,
    breaks: data.breaks.length,
    decks: data.decks.length,
  }
}

export interface DeleteAllOptions {
  db: Db
  /** The data folder (the database's folder). */
  dataDir: string
}

/**
 * "Delete all my data": every row (calls, events, notes and their search index, breaks,
 * settings, decks), every backup, every damaged or set-aside copy of the database and the local
 * API's token and port files; then VACUUM and a truncating checkpoint, so no page of the file
 * or its WAL still holds the old text. The connection stays open: the services keep running on
 * the now empty database (the caller tells them). Stop whatever writes those files first.
 */
export function deleteAllData({ db, dataDir }: DeleteAllOptions): PersonalDataCounts {
  db.pragma('secure_delete = ON')
  const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  const counts = db
    .transaction(() => {
      const before: PersonalDataCounts = {
        calls: count('calls'),
        events: count('events'),
        notes: count('notes'),
        breaks: count('recoveries'),
        decks: count('decks'),
      }
      for (const table of TABLES) db.exec(`DELETE FROM ${table}`)
      db.exec(`INSERT INTO notes_fts (notes_fts) VALUES ('delete-all')`)
      return before
    })
    .immediate()
  removeFiles(dataDir)
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
  return counts
}

/** Backups (complete or not), set-aside databases (`calmdeck.sqlite3.<anything>`), token and port. */
function removeFiles(dataDir: string): void {
  fs.rmSync(path.join(dataDir, BACKUP_DIR), { recursive: true, force: true })
  for (const name of fs.readdirSync(dataDir)) {
    if (name.startsWith(`${DB_FILE}.`) || name === TOKEN_FILE || name === PORT_FILE) {
      fs.rmSync(path.join(dataDir, name), { recursive: true, force: true })
    }
  }
}
