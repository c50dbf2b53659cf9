import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/result'
import type { BackupJob, BackupJobResult } from './backup-job'
import { configure, migrate, type Db } from './database'
import { registerFold } from './fold'
import { LATEST_VERSION } from './migrations'

export interface RestoreInput {
  /** The app's live connection; it stays open and sees the restored data. */
  db: Db
  dbFile: string
  /** The backup file to restore. */
  backupFile: string
  /** Where the current data is kept first (a file name next to the database). */
  keepAsideName: string
  /** Takes the copy of the current data (a backup job, as for backups). */
  run: (job: BackupJob) => Promise<BackupJobResult>
  nativeBinding?: string
}

/**
 * Restores a backup while the app runs: checks it, keeps the current data aside as a complete,
 * checked copy, brings a copy of the backup up to this version's schema, then writes it into
 * the live database with SQLite's backup API (all pages in one step, so no write of the app can
 * land half way). The app's connection and prepared statements stay valid.
 */
export async function restoreInPlace(input: RestoreInput): Promise<void> {
  const native = input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}
  checkRestorable(input.backupFile, native)
  const dir = path.dirname(input.dbFile)
  const kept = await input.run({
    source: input.dbFile,
    target: path.join(dir, input.keepAsideName),
    temp: path.join(dir, `.incomplete-${input.keepAsideName}`),
    nativeBinding: input.nativeBinding,
  })
  if (!kept.ok) {
    throw new AppError('storage', 'CalmDeck could not keep a copy of your current data, so nothing was restored.')
  }
  const staged = `${input.dbFile}.restoring`
  try {
    fs.copyFileSync(input.backupFile, staged)
    const copy = new Database(staged, native)
    try {
      configure(copy)
      registerFold(copy)
      migrate(copy)
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    const source = new Database(staged, { ...native, readonly: true, fileMustExist: true })
    try {
      await source.backup(input.dbFile, { progress: ({ remainingPages }) => Math.max(remainingPages, 1) })
    } finally {
      source.close()
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(staged + suffix, { force: true })
  }
  if (input.db.pragma('quick_check', { simple: true }) !== 'ok') {
    throw new AppError('storage', 'The restored data did not pass its check. Your earlier data was kept aside.')
  }
}

function checkRestorable(file: string, native: Database.Options): void {
  let probe: Db | undefined
  try {
    probe = new Database(file, { ...native, readonly: true, fileMustExist: true })
    if (probe.pragma('integrity_check', { simple: true }) !== 'ok') throw new Error('damaged')
    const version = probe.pragma('user_version', { simple: true }) as number
    if (version > LATEST_VERSION) {
      throw new AppError(
        'conflict',
        'This backup was made by a newer version of CalmDeck. Please update CalmDeck first.',
      )
    }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw new AppError('storage', 'This backup is damaged and cannot be restored.')
  } finally {
    probe?.close()
  }
}
