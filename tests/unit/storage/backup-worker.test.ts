/**
 * The built hosts' backup: the BUILT worker (out/main/chunks/backup-worker-*.js, from
 * `electron-vite build`) copies, checks, syncs and renames, while the app goes on writing; one
 * thread stays for the next backup. Real SQLite files, a real worker thread.
 */
import Database from 'better-sqlite3'
import fs from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { BackupWorker, type BackupJob } from '../../../electron/services/storage/backup-job'
import { configure } from '../../../electron/services/storage/database'
import { tempDir } from '../../helpers/temp-dir'

const chunks = path.resolve(__dirname, '../../../out/main/chunks')

function builtWorker(): string {
  const name = fs.existsSync(chunks) ? fs.readdirSync(chunks).find((file) => file.startsWith('backup-worker')) : null
  if (!name) throw new Error('out/main/chunks has no backup worker: run `npx electron-vite build` first')
  return path.join(chunks, name)
}

/** The threads started, in order. */
const threads: Worker[] = []
const start = () => {
  const worker = new Worker(builtWorker(), { execArgv: [] })
  threads.push(worker)
  return worker
}

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  threads.length = 0
})

function backupWorker(): BackupWorker {
  const worker = new BackupWorker(start)
  cleanups.push(() => worker.close())
  return worker
}

/** A WAL database like the app's, with `rows` rows of some size (many pages). */
function source(rows: number): { db: Database.Database; job: BackupJob; dir: string } {
  const { dir, cleanup } = tempDir('calmdeck-backup-worker-')
  const db = new Database(path.join(dir, 'app.sqlite3'))
  cleanups.push(() => {
    db.close()
    cleanup()
  })
  configure(db)
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL) STRICT')
  const insert = db.prepare('INSERT INTO t (text) VALUES (?)')
  db.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`row ${i} `.repeat(20))
  })()
  db.pragma('user_version = 7')
  const target = path.join(dir, 'backup.sqlite3')
  return {
    db,
    dir,
    job: { source: path.join(dir, 'app.sqlite3'), target, temp: path.join(dir, '.incomplete.sqlite3') },
  }
}

function readBack(file: string): { check: unknown; rows: number; journal: unknown } {
  const copy = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return {
      check: copy.pragma('integrity_check', { simple: true }),
      rows: (copy.prepare('SELECT count(*) AS n FROM t').get() as { n: number }).n,
      journal: copy.pragma('journal_mode', { simple: true }),
    }
  } finally {
    copy.close()
  }
}

describe('backup in the built worker', () => {
  it('writes a checked, plain rollback-journal copy and leaves no temporary file', async () => {
    const { job, dir } = source(5000)
    const result = await backupWorker().run(job)
    expect(result).toMatchObject({ ok: true, version: 7 })
    expect(readBack(job.target)).toEqual({ check: 'ok', rows: 5000, journal: 'delete' })
    expect(fs.readdirSync(dir).filter((name) => name.includes('incomplete'))).toEqual([])
  })

  it('ends with one consistent snapshot while the app keeps writing during the copy', async () => {
    const { db, job } = source(5000)
    const insert = db.prepare('INSERT INTO t (text) VALUES (?)')
    let done = false
    let written = 0
    // The app writes all the time the worker copies, which makes SQLite start the copy over;
    // bounded, so a copy that never finishes fails the test.
    const writeWhileCopying = () => {
      if (done || written >= 5000) return
      insert.run('written during the backup')
      written++
      setImmediate(writeWhileCopying)
    }
    setImmediate(writeWhileCopying)
    const result = await backupWorker().run(job)
    done = true
    expect(result.ok).toBe(true)
    expect(written).toBeGreaterThan(0)
    expect(written).toBeLessThan(5000)
    const copied = readBack(job.target)
    expect(copied.check).toBe('ok')
    expect(copied.rows).toBeGreaterThanOrEqual(5000)
    expect(copied.rows).toBeLessThanOrEqual(5000 + written)
  })

  it('reports a copy that fails by its code and leaves nothing behind', async () => {
    const { job, dir } = source(10)
    const result = await backupWorker().run({ ...job, source: path.join(dir, 'missing.sqlite3') })
    expect(result).toEqual({ ok: false, code: 'SQLITE_CANTOPEN' })
    expect(fs.existsSync(job.target)).toBe(false)
    expect(fs.readdirSync(dir).filter((name) => name.includes('incomplete'))).toEqual([])
  })

  it('keeps one thread for the next backups, and starts a new one after it ended', async () => {
    const { job } = source(500)
    const worker = backupWorker()
    const results = []
    for (let i = 0; i < 3; i++) results.push(await worker.run({ ...job, target: `${job.target}.${i}` }))
    expect(results.map((result) => result.ok)).toEqual([true, true, true])
    expect(threads).toHaveLength(1)
    await threads[0]?.terminate()
    expect(await worker.run({ ...job, target: `${job.target}.after` })).toMatchObject({ ok: true, version: 7 })
    expect(threads).toHaveLength(2)
    expect(readBack(`${job.target}.after`)).toEqual({ check: 'ok', rows: 500, journal: 'delete' })
  })

  it('answers a job whose thread ended under it with why, and leaves no backup that counts', async () => {
    const { job } = source(5000)
    const worker = backupWorker()
    const running = worker.run(job)
    await worker.close()
    expect(await running).toEqual({ ok: false, code: expect.stringMatching(/^WORKER_EXIT_\d+$/) })
    expect(fs.existsSync(job.target)).toBe(false)
  })
})
