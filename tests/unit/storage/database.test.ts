import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_FILE, NewerDatabaseError, openDatabase } from '../../../electron/services/storage/database'
import { LATEST_VERSION, migrations } from '../../../electron/services/storage/migrations'
import { tempDir } from '../../helpers/temp-dir'

const NOW = Date.parse('2026-11-22T09:30:00.000Z')
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function folder(): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return dir
}

/** What a start is building (or left) beside the database: `<file>.new-<pid>` and its companions. */
const builtAside = (dir: string) => fs.readdirSync(dir).filter((name) => name.startsWith(`${DB_FILE}.new-`))
const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('openDatabase', () => {
  it('creates a durable WAL database at the latest version', () => {
    const dir = folder()
    const { db, notices } = openDatabase({ dir, now: () => NOW })
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    // 2 = FULL: commits survive power loss, not only a crash.
    expect(db.pragma('synchronous', { simple: true })).toBe(2)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(notices).toEqual([])
    db.close()
    // Built aside and linked into place: nothing of the building is left beside it.
    expect(builtAside(dir)).toEqual([])
  })

  it('removes what a crashed start left being built aside, and keeps what a running one is building', () => {
    const dir = folder()
    // A process that has ended: its pid is free (a start that crashed while building).
    const gone = spawnSync(process.execPath, ['-e', '']).pid
    const live = process.ppid
    const crashed = [`${DB_FILE}.new-${gone}`, `${DB_FILE}.new-${gone}-wal`]
    for (const name of crashed) fs.writeFileSync(path.join(dir, name), 'half a database')
    fs.writeFileSync(path.join(dir, `${DB_FILE}.new-${live}`), 'being built')
    const { db, notices } = openDatabase({ dir, now: () => NOW })
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('quick_check', { simple: true })).toBe('ok')
    expect(notices).toEqual([])
    db.close()
    expect(builtAside(dir)).toEqual([`${DB_FILE}.new-${live}`])
  })

  it('uses the database another start put in place while this one built its own', () => {
    const dir = folder()
    const other = folder()
    // The other start's database: one more migration, which left a mark.
    const marked = (up: (db: Database.Database) => void) => [
      ...migrations,
      { version: migrations.length + 1, name: 'marked', up },
    ]
    openDatabase({
      dir: other,
      now: () => NOW,
      migrationList: marked((db) => db.exec('CREATE TABLE mark (x)')),
    }).db.close()
    // This start's last migration: meanwhile, the other start's database lands in the folder.
    const { db } = openDatabase({
      dir,
      now: () => NOW,
      migrationList: marked(() => fs.copyFileSync(path.join(other, DB_FILE), path.join(dir, DB_FILE))),
    })
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'mark'").get()).toEqual({ n: 1 })
    db.close()
    expect(builtAside(dir)).toEqual([])
  })

  it('numbers migrations 1..N in order', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
  })

  it('refuses a database from a newer version and leaves it byte-for-byte untouched', () => {
    const dir = folder()
    const file = path.join(dir, DB_FILE)
    const raw = new Database(file)
    raw.exec('CREATE TABLE future (x INTEGER) STRICT; INSERT INTO future VALUES (42);')
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`)
    raw.close()
    const before = sha(file)

    expect(() => openDatabase({ dir, now: () => NOW })).toThrow(NewerDatabaseError)
    expect(() => openDatabase({ dir, now: () => NOW })).toThrow(/newer version of CalmDeck/)
    expect(sha(file)).toBe(before)
    expect(fs.readdirSync(dir)).toEqual([DB_FILE])
  })

  it('moves a file that is not a database aside with a timestamp and starts fresh', () => {
    const dir = folder()
    const file = path.join(dir, DB_FILE)
    fs.writeFileSync(file, 'this is not a database, just some text '.repeat(200))
    const before = sha(file)

    const { db, notices } = openDatabase({ dir, now: () => NOW })
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatchObject({ kind: 'database-recovered', at: NOW })
    const movedTo = notices[0]?.movedTo ?? ''
    expect(movedTo).toBe(`${DB_FILE}.damaged-2026-11-22T09-30-00-000Z`)
    expect(sha(path.join(dir, movedTo))).toBe(before)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    db.close()
  })

  it('moves a damaged SQLite file (corrupted pages) aside', () => {
    const dir = folder()
    const first = openDatabase({ dir, now: () => NOW })
    const insert = first.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
    for (let i = 0; i < 2000; i++) insert.run(`key-${i}`, JSON.stringify('x'.repeat(200)))
    first.db.pragma('wal_checkpoint(TRUNCATE)')
    first.db.close()
    const file = path.join(dir, DB_FILE)
    const bytes = fs.readFileSync(file)
    // Scribble over pages after the header: the file still says "SQLite format 3".
    for (let offset = 4096 * 2; offset < bytes.length; offset += 4096) bytes.fill(0xa5, offset, offset + 512)
    fs.writeFileSync(file, bytes)

    const { db, notices } = openDatabase({ dir, now: () => NOW })
    expect(notices.map((notice) => notice.kind)).toEqual(['database-recovered'])
    expect(db.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 0 })
    expect(fs.existsSync(path.join(dir, notices[0]?.movedTo ?? 'missing'))).toBe(true)
    db.close()
  })

  it('keeps existing data when reopened', () => {
    const dir = folder()
    const first = openDatabase({ dir, now: () => NOW })
    first.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('k', '"v"')
    first.db.close()
    const second = openDatabase({ dir, now: () => NOW })
    expect(second.db.prepare('SELECT value FROM settings WHERE key = ?').get('k')).toEqual({ value: '"v"' })
    expect(second.notices).toEqual([])
    second.db.close()
  })

  it('rolls the pending migrations back together when one fails: the file keeps the version it had', () => {
    const dir = folder()
    openDatabase({ dir, now: () => NOW }).db.close()
    const failing = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'goes well',
        up(db: Database.Database) {
          db.exec('CREATE TABLE whole (x INTEGER) STRICT')
        },
      },
      {
        version: migrations.length + 2,
        name: 'fails halfway',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half (x INTEGER) STRICT')
          throw new Error('boom')
        },
      },
    ]
    expect(() => openDatabase({ dir, now: () => NOW, migrationList: failing })).toThrow('boom')
    const raw = new Database(path.join(dir, DB_FILE))
    expect(raw.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    const tables = raw.prepare("SELECT name FROM sqlite_master WHERE name IN ('whole', 'half')").all()
    expect(tables).toEqual([])
    raw.close()
    // This version still opens it as it was.
    const again = openDatabase({ dir, now: () => NOW })
    expect(again.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    again.db.close()
  })

  it('creates a new database in one commit, or not at all', () => {
    const dir = folder()
    const failing = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'fails',
        up() {
          throw new Error('boom')
        },
      },
    ]
    expect(() => openDatabase({ dir, now: () => NOW, migrationList: failing })).toThrow('boom')
    // Not at all: no file, nor anything of its building.
    expect(fs.readdirSync(dir).filter((name) => name.startsWith(DB_FILE))).toEqual([])
    const raw = new Database(path.join(dir, DB_FILE))
    expect(raw.pragma('user_version', { simple: true })).toBe(0)
    expect(raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 })
    raw.close()
  })
})

describe('migration 001 (settings and decks)', () => {
  it('migrates an empty version-0 database and accepts its rows', () => {
    const dir = folder()
    const raw = new Database(path.join(dir, DB_FILE))
    expect(raw.pragma('user_version', { simple: true })).toBe(0)
    raw.close()
    const { db } = openDatabase({ dir, now: () => NOW, migrationList: migrations.slice(0, 1) })
    expect(db.pragma('user_version', { simple: true })).toBe(1)
    db.prepare('INSERT INTO decks (deck_id, data, imported_at) VALUES (?, ?, ?)').run('d', '{}', NOW)
    // STRICT tables reject values of the wrong type.
    expect(() =>
      db.prepare('INSERT INTO decks (deck_id, data, imported_at) VALUES (?, ?, ?)').run('d', '{}', 'soon'),
    ).toThrow()
    db.close()
  })
})
