import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import type { Worker } from 'node:worker_threads'
import { syncDir, syncFile } from './durable-file'

/** One backup to take: from the live database `source` into `target`, through `temp`. */
export interface BackupJob {
  source: string
  target: string
  temp: string
  nativeBinding?: string
}

/** Where a backup's time went, for the benchmark (ms). */
export interface BackupTimings {
  /** When the job began (epoch ms, sub-millisecond), to see a worker's start-up cost. */
  startedAt: number
  copyMs: number
  checkMs: number
}

export type BackupJobResult =
  | { ok: true; size: number; version: number; timings: BackupTimings }
  /** `code` is SQLite's or the file system's error code (e.g. `SQLITE_FULL`, `EACCES`); never a path or data. */
  | { ok: false; code: string }

/**
 * A step that copies everything: should a write by the app make SQLite start the copy over, it
 * starts over within this step and still ends it. (A step of only the pages that remained would end
 * short after a restart, and could go on starting over as long as the app writes.)
 */
const ALL_PAGES = 0x7fffffff

/**
 * Reads through a memory map (256 MB at most) rather than a read call per page: the copy measured
 * ~30 % faster (on par with a copy from the app's warm connection), the check ~40 %.
 */
const MMAP = 'mmap_size = 268435456'

/**
 * Takes one backup with SQLite's online backup API on a connection of its own (readers never
 * block the app's writes in WAL mode), then makes the copy a plain rollback-journal file, checks
 * it with `PRAGMA integrity_check`, syncs it and renames it into place. Until that rename the copy
 * has a temporary name, so a kill at any moment leaves no half file that counts.
 */
export async function runBackupJob(job: BackupJob): Promise<BackupJobResult> {
  const native = job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}
  try {
    const start = performance.now()
    fs.rmSync(job.temp, { force: true })
    const source = new Database(job.source, { ...native, readonly: true, fileMustExist: true })
    try {
      source.pragma(MMAP)
      // After the first step, copy the rest in one step: one consistent snapshot of the file.
      await source.backup(job.temp, { progress: () => ALL_PAGES })
    } finally {
      source.close()
    }
    return finishBackup(job, start)
  } catch (error) {
    return failed(job, error)
  }
}

/**
 * The same, synchronously, on the app's own connection with `VACUUM INTO` (SQLite's own
 * consistent copy): for the moments nothing else runs — before a migration and at shutdown.
 */
export function runBackupJobSync(db: Database.Database, job: BackupJob): BackupJobResult {
  try {
    const start = performance.now()
    fs.rmSync(job.temp, { force: true })
    db.prepare('VACUUM INTO ?').run(job.temp)
    return finishBackup(job, start)
  } catch (error) {
    return failed(job, error)
  }
}

/** Rollback-journal mode, integrity check, fsync, rename, fsync of the folder. */
function finishBackup(job: BackupJob, start: number): BackupJobResult {
  const native = job.nativeBinding ? { nativeBinding: job.nativeBinding } : {}
  const writable = new Database(job.temp, native)
  try {
    writable.pragma('journal_mode = DELETE')
  } finally {
    writable.close()
  }
  const copied = performance.now()
  // The check on a read-only connection with the file mapped (it reads every page, some more than once).
  const copy = new Database(job.temp, { ...native, readonly: true })
  let version: number
  let checked: number
  try {
    copy.pragma(MMAP)
    const check = copy.pragma('integrity_check', { simple: true })
    checked = performance.now()
    if (check !== 'ok') throw Object.assign(new Error('backup failed its integrity check'), { code: 'CHECK_FAILED' })
    version = copy.pragma('user_version', { simple: true }) as number
  } finally {
    copy.close()
  }
  syncFile(job.temp)
  fs.renameSync(job.temp, job.target)
  syncDir(path.dirname(job.target))
  const copyMs = copied - start + (performance.now() - checked)
  return {
    ok: true,
    size: fs.statSync(job.target).size,
    version,
    timings: { startedAt: performance.timeOrigin + start, copyMs, checkMs: checked - copied },
  }
}

function failed(job: BackupJob, error: unknown): BackupJobResult {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(job.temp + suffix, { force: true })
  return { ok: false, code: errorCode(error) }
}

/** SQLite's or the file system's error code, else the error's name: never its message. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown'
}

/** What the host and the backup worker say to each other: a job, and its result. */
export interface BackupWorkerRequest {
  id: number
  job: BackupJob
}
export interface BackupWorkerReply {
  id: number
  result: BackupJobResult
}

/**
 * Runs backup jobs in one worker thread from `start` (the built hosts: backup-worker-runner.ts), so
 * the host's event loop never waits on a copy or its check. The thread starts with the first job
 * (~50 ms, a sixth of a year's backup) and stays for the next, holding the process open only while
 * a job runs. Should it end (a crash, `close()`), its jobs answer with why, and the next job starts
 * a new one.
 */
export class BackupWorker {
  private current: { worker: Worker; pending: Map<number, (result: BackupJobResult) => void> } | null = null
  private lastId = 0

  constructor(private readonly start: () => Worker) {}

  run(job: BackupJob): Promise<BackupJobResult> {
    const { worker, pending } = (this.current ??= this.spawn())
    const id = ++this.lastId
    return new Promise((resolve) => {
      pending.set(id, resolve)
      worker.ref()
      worker.postMessage({ id, job } satisfies BackupWorkerRequest)
    })
  }

  /** Ends the thread; a job still running answers with `WORKER_EXIT_…`. */
  async close(): Promise<void> {
    const current = this.current
    this.current = null
    await current?.worker.terminate()
  }

  private spawn(): NonNullable<BackupWorker['current']> {
    const worker = this.start()
    const pending = new Map<number, (result: BackupJobResult) => void>()
    const current = { worker, pending }
    let failure: string | null = null
    worker.on('message', ({ id, result }: BackupWorkerReply) => {
      pending.get(id)?.(result)
      pending.delete(id)
      if (pending.size === 0) worker.unref()
    })
    worker.once('error', (error) => (failure ??= error.name))
    worker.once('exit', (code) => {
      if (this.current === current) this.current = null
      for (const resolve of pending.values()) resolve({ ok: false, code: failure ?? `WORKER_EXIT_${code}` })
      pending.clear()
    })
    return current
  }
}
