import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { listBackupFiles } from '../../../electron/services/storage/backup-files'
import { DB_FILE, openDatabase } from '../../../electron/services/storage/database'
import { testServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

const ROUNDS = 20
const { dir, cleanup } = tempDir()
afterAll(cleanup)

function check(file: string): string {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('integrity_check', { simple: true }) as string
  } finally {
    db.close()
  }
}

/** Starts the looping host and resolves once it is writing and backing up. */
function startLoop(): Promise<ReturnType<typeof spawn>> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, '../../helpers/backup-loop.ts'), dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the looping host did not start')), 20_000)
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        clearTimeout(timer)
        resolve(child)
      }
    })
    child.once('exit', (code) => reject(new Error(`the looping host exited (${code})`)))
  })
}

describe('a host killed during backups', () => {
  it(`never leaves a backup that counts but fails its check, nor a damaged database (${ROUNDS} kills)`, async () => {
    const seed = testServices(Date.now, dir)
    seed.db.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        seed.notes.save({
          callId: null,
          whatHappened: `seed ${i} ${'x'.repeat(600)}`,
          callerWants: '',
          resolved: '',
          freeText: '',
          items: [],
        })
      }
    })()
    seed.close()
    let counted = 0
    let killedMidBackup = 0
    for (let round = 0; round < ROUNDS; round++) {
      const child = await startLoop()
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 400))
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGKILL')
      await exited
      if (fs.readdirSync(path.join(dir, 'backups')).some((name) => name.startsWith('.incomplete-')))
        killedMidBackup += 1
      for (const backup of listBackupFiles(path.join(dir, 'backups'))) {
        expect(check(path.join(dir, 'backups', backup.name)), backup.name).toBe('ok')
        counted += 1
      }
      expect(check(path.join(dir, DB_FILE))).toBe('ok')
    }
    const reopened = openDatabase({ dir, now: Date.now })
    expect(reopened.notices).toEqual([])
    reopened.db.close()
    // The kills did land in the middle of backups (their incomplete copies never counted), and
    // complete backups were there to check.
    expect(killedMidBackup).toBeGreaterThan(0)
    expect(counted).toBeGreaterThan(0)
  }, 120_000)
})
