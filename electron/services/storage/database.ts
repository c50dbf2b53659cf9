import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { StorageNotice } from '../../../shared/contract'
import { runBackupJobSync } from './backup-job'
import { BACKUP_DIR, backupName, listBackupFiles, tempName } from './backup-files'
import { syncDir, syncFile } from './durable-file'
import { registerFold } from './fold'
import { LATEST_VERSION, migrations, type Migration } from './migrations'
import { useIncrementalVacuum } from './retention'

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
      const restored = restoreNewestGood(options.dir, file, list.length, options.nativeBinding)
      notices.push({
        kind: restored === null ? 'database-recovered' : 'database-restored',
        movedTo,
        restoredFrom: restored,
        at: options.now(),
      })
    } else if (health.version > list.length) {
      throw new NewerDatabaseError(health.version, list.length)
    }
  }
  // A first start, or a damaged file moved aside with no good backup to put in its place.
  if (!fs.existsSync(file)) createDatabase(file, list, options.nativeBinding)

  const db = new Database(file, nativeOptions(options.nativeBinding))
  try {
    configure(db)
    registerFold(db)
    const failure = backupBeforeMigration(db, file, list.length, options)
    if (failure) notices.push({ kind: 'backup-failed', movedTo: '', restoredFrom: null, at: options.now() })
    useIncrementalVacuum(db)
    migrate(db, list)
  } catch (error) {
    db.close()
    throw error
  }
  return { db, file, notices }
}

/**
 * A new database is built aside (`<file>.new-<pid>`) without a sync at each step, synced once and
 * linked into place. Built in place it took 8 fsyncs (the switch to WAL through a rollback
 * journal, then the migrations' commit): ~10 ms on a quiet disk, but up to ~100 ms of a first start
 * while another program (the browser loading the page) wrote to the same disk. A link, unlike a
 * rename, never replaces a database that another start on the same folder (the app and a web host)
 * put there meanwhile: that one is used, this one dropped. A migration that fails leaves nothing;
 * what a crash leaves aside, the next start removes once the process that built it is gone.
 */
function createDatabase(file: string, list: readonly Migration[], nativeBinding: string | undefined): void {
  removeAbandonedBuilds(file)
  const temp = `${file}.new-${process.pid}`
  const remove = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(temp + suffix, { force: true })
  }
  remove()
  const db = new Database(temp, nativeOptions(nativeBinding))
  try {
    db.pragma('synchronous = OFF')
    db.pragma('journal_mode = WAL')
    registerFold(db)
    useIncrementalVacuum(db)
    migrate(db, list)
    // Everything into the file itself, so the file alone is the database once in place.
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    if (fs.existsSync(`${temp}-wal`)) throw new Error('a new database kept its write-ahead log after closing')
    syncFile(temp)
    placeOnce(temp, file)
  } finally {
    db.close()
    remove()
  }
  syncDir(path.dirname(file))
}

/** `temp` becomes `file` unless a `file` is already there (then it stays, and `temp` is left to remove). */
function placeOnce(temp: string, file: string): void {
  try {
    fs.linkSync(temp, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return
    // A file system without hard links: a rename, which replaces nothing unless another start
    // finished in this very moment.
    if (!fs.existsSync(file)) fs.renameSync(temp, file)
  }
}

/** Removes what starts that crashed left being built aside (`<file>.new-<pid>…`), their process gone. */
function removeAbandonedBuilds(file: string): void {
  const prefix = `${path.basename(file)}.new-`
  const dir = path.dirname(file)
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue
    const pid = Number.parseInt(name.slice(prefix.length), 10)
    if (Number.isInteger(pid) && !running(pid)) fs.rmSync(path.join(dir, name), { force: true })
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
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

function inspect(
  file: string,
  nativeBinding: string | undefined,
  check: 'quick_check' | 'integrity_check' = 'quick_check',
): Health {
  let probe: Db | undefined
  try {
    probe = new Database(file, { ...nativeOptions(nativeBinding), readonly: true, fileMustExist: true })
    if (probe.pragma(check, { simple: true }) !== 'ok') return { kind: 'damaged' }
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

/**
 * The newest backup that passes its check and that this version can read, copied into place
 * (a backup file is never live, so a copy is safe). Returns its time, or null when none is good.
 */
function restoreNewestGood(
  dir: string,
  file: string,
  latest: number,
  nativeBinding: string | undefined,
): number | null {
  for (const backup of listBackupFiles(path.join(dir, BACKUP_DIR))) {
    const source = path.join(dir, BACKUP_DIR, backup.name)
    const health = inspect(source, nativeBinding, 'integrity_check')
    if (health.kind !== 'ok' || health.version > latest) continue
    const temp = `${file}.restoring`
    fs.copyFileSync(source, temp)
    syncFile(temp)
    fs.renameSync(temp, file)
    return backup.at
  }
  return null
}

/** A database about to be migrated is backed up first. Returns the error code if that failed. */
function backupBeforeMigration(db: Db, file: string, latest: number, options: OpenOptions): string | null {
  const version = db.pragma('user_version', { simple: true }) as number
  if (version === 0 || version >= latest) return null
  const dir = path.join(path.dirname(file), BACKUP_DIR)
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
  const name = backupName(options.now(), 'before-migration')
  const result = runBackupJobSync(db, {
    source: file,
    target: path.join(dir, name),
    temp: path.join(dir, tempName(name)),
    nativeBinding: options.nativeBinding,
  })
  return result.ok ? null : result.code
}

/**
 * Runs the pending migrations, each bumping `user_version`, in one transaction: all or none. A
 * migration that fails leaves the file at the version it had, which the version before can
 * still open (never half-way, at a version no CalmDeck reads). A new database is one commit.
 */
export function migrate(db: Db, list: readonly Migration[] = migrations): void {
  const current = db.pragma('user_version', { simple: true }) as number
  const pending = list.slice(current)
  if (pending.length === 0) return
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    }
  }).immediate()
}

export { LATEST_VERSION }
