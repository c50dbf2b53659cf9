import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE, openDatabase } from '../../../electron/services/storage/database'
import { migrations } from '../../../electron/services/storage/migrations'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

/** A database at version `version`, with `seed` run on it, closed. */
function databaseAt(version: number, seed: (db: Database.Database) => void): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const { db } = openDatabase({ dir, now: Date.now, migrationList: migrations.slice(0, version) })
  seed(db)
  db.close()
  return dir
}

describe('migration 002 (calls and events)', () => {
  it('migrates a version-1 database with settings and a deck in it, keeping them', () => {
    const dir = databaseAt(1, (db) => {
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('user', '{"locale":"nl"}')
      db.prepare('INSERT INTO decks (deck_id, data, imported_at) VALUES (?, ?, ?)').run('team', '{"x":1}', 5)
    })
    const { db } = openDatabase({ dir, now: Date.now, migrationList: migrations.slice(0, 2) })
    expect(db.pragma('user_version', { simple: true })).toBe(2)
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: '{"locale":"nl"}' })
    expect(db.prepare('SELECT deck_id FROM decks').get()).toEqual({ deck_id: 'team' })
    const call = db.prepare("INSERT INTO calls (started_at, source) VALUES (1, 'window')").run().lastInsertRowid
    db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (?, 1, 'call-started', 'window')").run(call)
    db.close()
  })

  it('allows only one open call, and events only for calls that exist', () => {
    const dir = databaseAt(2, () => {})
    const db = new Database(path.join(dir, DB_FILE))
    db.pragma('foreign_keys = ON')
    db.prepare("INSERT INTO calls (started_at, source) VALUES (1, 'window')").run()
    expect(() => db.prepare("INSERT INTO calls (started_at, source) VALUES (2, 'window')").run()).toThrow(/UNIQUE/)
    expect(() =>
      db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (99, 1, 'x', 'window')").run(),
    ).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare("INSERT INTO calls (started_at, ended_at, source) VALUES (5, 4, 'window')").run()).toThrow(
      /CHECK/,
    )
    db.close()
  })
})

describe('migration 003 (notes)', () => {
  it('migrates a version-2 database with calls and events in it, keeping them, and indexes new notes', () => {
    const dir = databaseAt(2, (db) => {
      db.prepare("INSERT INTO calls (started_at, ended_at, hard, source) VALUES (10, 20, 1, 'hotkey')").run()
      db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (1, 12, 'boundary-warning', 'hotkey')").run()
    })
    const { db } = openDatabase({ dir, now: Date.now, migrationList: migrations.slice(0, 3) })
    expect(db.pragma('user_version', { simple: true })).toBe(3)
    expect(db.prepare('SELECT hard, ended_at FROM calls').get()).toEqual({ hard: 1, ended_at: 20 })
    expect(db.prepare('SELECT kind FROM events').get()).toEqual({ kind: 'boundary-warning' })
    db.prepare(
      "INSERT INTO notes (call_id, created_at, updated_at, what_happened) VALUES (1, 1, 1, 'Pozivatelj je vrijeđao')",
    ).run()
    // The index ignores diacritics: "vrijedao" finds "vrijeđao".
    expect(db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'vrijedao'").all()).toEqual([{ rowid: 1 }])
    db.prepare("UPDATE notes SET what_happened = 'Rustig gesprek' WHERE id = 1").run()
    expect(db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'vrijedao'").all()).toEqual([])
    expect(db.prepare("SELECT rowid FROM notes_fts WHERE notes_fts MATCH 'rustig'").all()).toEqual([{ rowid: 1 }])
    expect(() => db.prepare('INSERT INTO notes (call_id, created_at, updated_at) VALUES (1, 1, 1)').run()).toThrow(
      /UNIQUE/,
    )
    expect(() =>
      db.prepare("INSERT INTO notes (created_at, updated_at, items) VALUES (1, 1, 'not json')").run(),
    ).toThrow(/CHECK/)
    db.close()
  })
})

describe('migration 005 (outbox)', () => {
  it('migrates a version-4 database with calls and a recovery in it, keeping them, and queues messages once per key', () => {
    const dir = databaseAt(4, (db) => {
      db.prepare("INSERT INTO calls (started_at, ended_at, hard, source) VALUES (10, 20, 1, 'hotkey')").run()
      db.prepare(
        "INSERT INTO recoveries (call_id, status, offered_at, duration_ms, source) VALUES (1, 'offered', 20, 300000, 'window')",
      ).run()
    })
    const { db } = openDatabase({ dir, now: Date.now, migrationList: migrations.slice(0, 5) })
    expect(db.pragma('user_version', { simple: true })).toBe(5)
    expect(db.prepare('SELECT hard FROM calls').get()).toEqual({ hard: 1 })
    expect(db.prepare('SELECT status FROM recoveries').get()).toEqual({ status: 'offered' })
    const insert = db.prepare(
      "INSERT INTO outbox (idem_key, type, message, created_at, next_at) VALUES (?, 'help', '{}', 1, 1)",
    )
    insert.run('k1')
    expect(() => insert.run('k1')).toThrow(/UNIQUE/)
    expect(() =>
      db
        .prepare("INSERT INTO outbox (idem_key, type, message, created_at, next_at) VALUES ('k2', 'spam', '{}', 1, 1)")
        .run(),
    ).toThrow(/CHECK/)
    expect(db.prepare('SELECT status, attempts FROM outbox').get()).toEqual({ status: 'pending', attempts: 0 })
    db.close()
  })
})

describe('migration 007 (cues)', () => {
  it('migrates a version-6 database with calls and events, keeping them, and takes cue events and figures', () => {
    const dir = databaseAt(6, (db) => {
      db.prepare("INSERT INTO calls (started_at, ended_at, hard, source) VALUES (10, 20, 1, 'hotkey')").run()
      db.prepare(
        "INSERT INTO events (call_id, at, kind, text, source) VALUES (1, 12, 'boundary-warning', 'x', 'hotkey')",
      ).run()
      db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (1, 13, 'mark', 'window')").run()
    })
    const { db } = openDatabase({ dir, now: Date.now, migrationList: migrations.slice(0, 7) })
    expect(db.pragma('user_version', { simple: true })).toBe(7)
    expect(db.prepare('SELECT id, call_id, at, kind, text, source FROM events ORDER BY id').all()).toEqual([
      { id: 1, call_id: 1, at: 12, kind: 'boundary-warning', text: 'x', source: 'hotkey' },
      { id: 2, call_id: 1, at: 13, kind: 'mark', text: null, source: 'window' },
    ])
    db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (1, 14, 'caller-voice-raised', 'cues')").run()
    expect(() =>
      db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (1, 15, 'x', 'nobody')").run(),
    ).toThrow(/CHECK/)
    expect(() =>
      db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (9, 15, 'x', 'cues')").run(),
    ).toThrow(/FOREIGN KEY/)
    db.prepare('INSERT INTO call_cues VALUES (1, 10000, 4000, 5000, 1500, 500, 1, 3000, 0, 0)').run()
    expect(() => db.prepare('INSERT INTO call_cues VALUES (9, 1, 1, 1, 1, 1, 1, 1, 1, 1)').run()).toThrow(/FOREIGN KEY/)
    expect(() => db.prepare('INSERT INTO call_cues VALUES (1, -1, 1, 1, 1, 1, 1, 1, 1, 1)').run()).toThrow()
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'events_by_call'").get()).toEqual({
      name: 'events_by_call',
    })
    db.close()
  })
})
