import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/result'
import { errorCode, runBackupJob, runBackupJobSync, type BackupJob, type BackupJobResult } from './backup-job'
import {
  BACKUP_DIR,
  backupName,
  backupsToPrune,
  listBackupFiles,
  mondayOf,
  removeIncomplete,
  tempName,
  type BackupFile,
  type BackupReason,
  type Keep,
} from './backup-files'
import type { Db } from './database'
import { restoreInPlace } from './restore'

export const PERIODIC_MS = 4 * 3_600_000
const CHECK_EVERY_MS = 5 * 60_000
const FIRST_RETRY_MS = 60_000
const MAX_RETRY_MS = 30 * 60_000

export interface BackupState {
  /** Newest first. */
  backups: BackupFile[]
  running: boolean
  /** The last attempt failed (e.g. `SQLITE_FULL`, `EACCES`); it is retried. Null once one succeeds. */
  failure: { code: string; at: number } | null
}

export interface BackupServiceDeps {
  db: Db
  /** The live database file. */
  dbFile: string
  now: () => number
  keep: () => Keep
  /** The local calendar day (`YYYY-MM-DD`) of an instant. */
  dayOf: (ms: number) => string
  /** How a job runs: a worker thread in the built hosts, this thread by default. */
  run?: (job: BackupJob) => Promise<BackupJobResult>
  nativeBinding?: string
  onChange?: (state: BackupState) => void
  /** The live database now holds a restored backup: every service reloads and the windows start over. */
  onRestored?: (restoredFrom: number) => void
  /** Error codes only. */
  log?: (line: string) => void
}

/**
 * Automatic backups into `backups/` next to the database: at the first start of each day, every
 * 4 hours while running and at a clean shutdown when something changed. A failed backup is
 * reported and retried with backoff, never skipped in silence. Old ones are pruned to the
 * configured days and weeks.
 */
export class BackupService {
  readonly dir: string
  private current: Promise<BackupFile> | null = null
  private failure: BackupState['failure'] = null
  private changesAtBackup = -1
  private timer: NodeJS.Timeout | null = null
  private retryTimer: NodeJS.Timeout | null = null
  private retryDelay = FIRST_RETRY_MS
  /** A clean shutdown backs up: set by a host as soon as it runs, not only once the schedule starts. */
  private shutdownArmed = false

  constructor(private readonly deps: BackupServiceDeps) {
    this.dir = path.join(path.dirname(deps.dbFile), BACKUP_DIR)
  }

  list(): BackupFile[] {
    return listBackupFiles(this.dir)
  }

  state(): BackupState {
    return { backups: this.list(), running: this.current !== null, failure: this.failure }
  }

  /** Takes a backup now (one at a time: a request during a backup waits for that one). */
  backupNow(reason: BackupReason = 'manual'): Promise<BackupFile> {
    this.current ??= this.take(reason).finally(() => {
      this.current = null
      this.changed()
    })
    this.changed()
    return this.current
  }

  /** "Back up now": resolves with the new state once the backup is written and checked. */
  async backUpByHand(): Promise<BackupState> {
    await this.backupNow('manual')
    return this.state()
  }

  /**
   * "Restore this backup": the current data is kept aside first (`calmdeck.sqlite3.before-restore-…`),
   * then the backup is written into the live database. Resolves with the backup's time.
   */
  async restore(name: string): Promise<{ restoredFrom: number }> {
    const backup = this.list().find((file) => file.name === name)
    if (!backup) throw new AppError('not-found', 'That backup no longer exists.')
    if (this.current) await this.current.catch(() => {})
    const stamp = new Date(this.deps.now()).toISOString().replace(/[:.]/g, '-')
    await restoreInPlace({
      db: this.deps.db,
      dbFile: this.deps.dbFile,
      backupFile: path.join(this.dir, backup.name),
      keepAsideName: `${path.basename(this.deps.dbFile)}.before-restore-${stamp}`,
      run: this.deps.run ?? runBackupJob,
      nativeBinding: this.deps.nativeBinding,
    })
    this.changesAtBackup = this.totalChanges()
    this.deps.onRestored?.(backup.at)
    this.changed()
    return { restoredFrom: backup.at }
  }

  /**
   * A host is running: its clean shutdown makes a backup if anything changed, whether or not the
   * schedule has started yet (it waits a moment after the start) and whether or not a window ever opened.
   */
  armShutdown(): void {
    this.shutdownArmed = true
  }

  /** Starts the schedule: today's first backup if there is none yet, then every 4 hours. */
  start(): void {
    this.shutdownArmed = true
    if (this.timer) return
    removeIncomplete(this.dir)
    this.timer = setInterval(() => this.tick(), CHECK_EVERY_MS)
    this.timer.unref()
    this.tick()
  }

  /**
   * A clean shutdown: a last backup (synchronous, on the app's connection) if anything changed since
   * the last. A backup still running in the background is not waited for: the process ends with it.
   */
  backupAtShutdown(): void {
    this.stopTimers()
    if (!this.shutdownArmed || this.changesAtBackup === this.totalChanges()) return
    this.shutdownArmed = false
    let result: BackupJobResult
    try {
      this.makeDir()
      result = runBackupJobSync(this.deps.db, this.job('shutdown'))
    } catch (error) {
      result = { ok: false, code: errorCode(error) }
    }
    try {
      this.record(result, 'shutdown')
    } catch {
      // Logged by record(); the earlier backups stay.
    }
  }

  /** Resolves once no backup is being written (e.g. before everything is deleted). */
  async idle(timeoutMs = Number.POSITIVE_INFINITY): Promise<void> {
    if (!this.current) return
    let timer: NodeJS.Timeout | undefined
    const waited = Number.isFinite(timeoutMs)
      ? new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))
      : new Promise<void>(() => {})
    await Promise.race([this.current.catch(() => {}), waited])
    clearTimeout(timer)
  }

  dispose(): void {
    this.stopTimers()
  }

  private tick(): void {
    const newest = this.list()[0]
    const now = this.deps.now()
    const due = !newest || this.deps.dayOf(newest.at) !== this.deps.dayOf(now) ? 'daily' : null
    const periodic = newest && now - newest.at >= PERIODIC_MS ? 'periodic' : null
    const reason = due ?? periodic
    if (reason && !this.current && !this.retryTimer) void this.backupNow(reason).catch(() => {})
  }

  private async take(reason: BackupReason): Promise<BackupFile> {
    const changes = this.totalChanges()
    const job = this.job(reason)
    const result = await this.prepareAndRun(job).catch((error: unknown): BackupJobResult => ({
      ok: false,
      code: errorCode(error),
    }))
    const file = this.record(result, reason)
    if (result.ok) this.changesAtBackup = changes
    return file
  }

  private async prepareAndRun(job: BackupJob): Promise<BackupJobResult> {
    this.makeDir()
    return (this.deps.run ?? runBackupJob)(job)
  }

  /** `backups/`, readable by the agent only (it holds notes). */
  private makeDir(): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 })
  }

  /** Notes a job's result: a failure is kept for the window and retried; a success prunes. */
  private record(result: BackupJobResult, reason: BackupReason): BackupFile {
    if (!result.ok) {
      this.failure = { code: result.code, at: this.deps.now() }
      this.deps.log?.(`backup (${reason}) failed: ${result.code}`)
      this.scheduleRetry(reason)
      this.changed()
      throw new AppError('storage', backupFailureMessage(result.code))
    }
    this.failure = null
    this.retryDelay = FIRST_RETRY_MS
    if (reason === 'shutdown') this.changesAtBackup = this.totalChanges()
    this.prune()
    const file = this.list()[0]
    if (!file) throw new AppError('storage', 'The backup was written but cannot be found.')
    return file
  }

  private scheduleRetry(reason: BackupReason): void {
    if (this.retryTimer || reason === 'shutdown' || reason === 'before-migration') return
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null
      void this.backupNow(reason === 'manual' ? 'periodic' : reason).catch(() => {})
    }, this.retryDelay)
    this.retryTimer.unref()
    this.retryDelay = Math.min(this.retryDelay * 2, MAX_RETRY_MS)
  }

  private prune(): void {
    const dayOf = this.deps.dayOf
    for (const name of backupsToPrune(this.list(), this.deps.keep(), dayOf, (ms) => mondayOf(dayOf(ms)))) {
      fs.rmSync(path.join(this.dir, name), { force: true })
    }
  }

  private job(reason: BackupReason): BackupJob {
    const name = backupName(this.deps.now(), reason)
    return {
      source: this.deps.dbFile,
      target: path.join(this.dir, name),
      temp: path.join(this.dir, tempName(name)),
      nativeBinding: this.deps.nativeBinding,
    }
  }

  private totalChanges(): number {
    return (this.deps.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n
  }

  private stopTimers(): void {
    if (this.timer) clearInterval(this.timer)
    if (this.retryTimer) clearTimeout(this.retryTimer)
    this.timer = null
    this.retryTimer = null
  }

  private changed(): void {
    this.deps.onChange?.(this.state())
  }
}

/** What the window says about a failed backup. */
export function backupFailureMessage(code: string): string {
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return 'The backup failed: the disk is full. CalmDeck will try again.'
  if (code === 'EACCES' || code === 'EPERM' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_READONLY') {
    return 'The backup failed: CalmDeck may not write to its backups folder. It will try again.'
  }
  return 'The backup failed. CalmDeck will try again.'
}
