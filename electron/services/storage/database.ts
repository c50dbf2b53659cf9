import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { StorageNotice } from '../../../shared/contract'
import { registerFold } from './fold'
import { LATEST_VERSION, migrations, type Migration } from './migrations'

export type Db = Database.Database

export const DB_FILE = 'calmdeck.sqlite3'

/** Thrown when the database was written by a newer CalmDeck: we refuse to touch it. */
export class NewerDatabaseError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This data was saved by a newer version of CalmDeck (data version ${found}; this version understands up to ${supported}). ` +
        'Please update CalmDeck. Your data has not been changed.',
    )
    this.name = 'NewerDatabaseError'
  }
}

export interface OpenOptions {
  dir: string
  now: () => number
  /** Path to better-sqlite3's native binding, when it is not the default (Electron dev runs). */
  nativeBinding?: string
  migrationList?: readonly Migration[]
}

export interface OpenedDatabase {
  db: Db
  file: string
  notices: StorageNotice[]
}

/**
 * Opens (or creates) the app database in `dir`: checks it, moves a damaged file aside, refuses a
 * newer one, sets durable pragmas and runs pending migrations.
 */
export function openDatabase(options: OpenOptions): OpenedDatabase {
  const list = options.migrationList ?? migrations
  fs.mkdirSync(options.dir, { recursive: true, mode: 0o700 })
  const file = path.join(options.dir, DB_FILE)
  const notices: StorageNotice[] = []

  if (fs.existsSync(file)) {
    const health = inspect(file, options.nativeBinding)
    if (health.kind === 'damaged') {
      const movedTo = moveAside(file, options.now())
      notices.push({ kind: 'database-recovered', movedTo, at: options.now() })
    } else if (health.version > list.length) {
      throw new NewerDatabaseError(health.version, list.length)
    }
  }

  const db = new Database(file, nativeOptions(options.nativeBinding))
  try {
    configure(db)
    registerFold(db)
    migrate(db, list)
  } catch (error) {
    db.close()
    throw error
  }
  return { db, file, notices }
}

function nativeOptions(nativeBinding: string | undefined): Database.Options {
  return nativeBinding ? { nativeBinding } : {}
}

/** WAL for concurrent readers; FULL so a commit survives power loss, not only a crash. */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 3000')
}

type Health = { kind: 'ok'; version: number } | { kind: 'damaged' }

function inspect(file: string, nativeBinding: string | undefined): Health {
  let probe: Db | undefined
  try {
    probe = new Database(file, { ...nativeOptions(nativeBinding), readonly: true, fileMustExist: true })
    const check = probe.pragma('quick_check', { simple: true })
    if (check !== 'ok') return { kind: 'damaged' }
    return { kind: 'ok', version: probe.pragma('user_version', { simple: true }) as number }
  } catch (error) {
    if (isCorruption(error)) return { kind: 'damaged' }
    throw error
  } finally {
    probe?.close()
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return (
    code === 'SQLITE_NOTADB' ||
    code === 'SQLITE_CORRUPT' ||
    (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'))
  )
}

/** Renames the file (and its WAL/SHM companions) with a timestamp. Never deletes anything. */
function moveAside(file: string, at: number): string {
  const stamp = new Date(at).toISOString().replace(/[:.]/g, '-')
  const target = `${file}.damaged-${stamp}`
  fs.renameSync(file, target)
  for (const suffix of ['-wal', '-shm']) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix)
  }
  return path.basename(target)
}

/** Runs each pending migration in its own transaction that also bumps `user_version`. */
export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number
  for (const migration of list.slice(current)) {
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }).immediate()
  }
}

export { LATEST_VERSION }
