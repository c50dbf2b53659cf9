import Database from 'better-sqlite3'
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fc from 'fast-check'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { backupStateSchema } from '../../../shared/backups'
import { AppError } from '../../../shared/result'
import {
  backupsToPrune,
  listBackupFiles,
  mondayOf,
  type BackupFile,
} from '../../../electron/services/storage/backup-files'
import { DB_FILE, openDatabase } from '../../../electron/services/storage/database'
import { LATEST_VERSION, migrations } from '../../../electron/services/storage/migrations'
import { testServices, type TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'
import { waitFor } from '../../helpers/wait-for'

const DAY = 86_400_000
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

function services(now: () => number = () => Date.parse('2026-11-22T10:00:00Z')): TestServices {
  const made = testServices(now)
  cleanups.push(() => made.dispose())
  return made
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

function integrity(file: string): { check: unknown; version: unknown; notes: unknown } {
  const db = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return {
      check: db.pragma('integrity_check', { simple: true }),
      version: db.pragma('user_version', { simple: true }),
      notes: (db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n,
    }
  } finally {
    db.close()
  }
}

function writeNote(app: TestServices, text: string): void {
  app.notes.save({ callId: null, whatHappened: text, callerWants: '', resolved: '', freeText: '', items: [] })
}

describe('backups', () => {
  it('writes a checked, complete copy into backups/ and lists it', async () => {
    const app = services()
    writeNote(app, 'Caller threatened to come by the office')
    const file = await app.backups.backupNow('manual')
    expect(file).toMatchObject({ reason: 'manual', at: Date.parse('2026-11-22T10:00:00Z') })
    const target = path.join(app.dir, 'backups', file.name)
    expect(integrity(target)).toEqual({ check: 'ok', version: LATEST_VERSION, notes: 1 })
    // A plain file: no WAL or journal next to it, no temporary leftovers.
    expect(fs.readdirSync(path.join(app.dir, 'backups'))).toEqual([file.name])
    expect(app.backups.state()).toMatchObject({ backups: [file], running: false, failure: null })
    expect(app.events.some((event) => event.event === 'backups:changed')).toBe(true)
  })

  it('answers "Back up now" over the contract with the new list', async () => {
    const app = services()
    const result = await app.dispatch('backups:create', {})
    expect(backupStateSchema.parse(result.ok && result.value).backups).toHaveLength(1)
    const state = await app.dispatch('backups:state', {})
    expect(backupStateSchema.parse(state.ok && state.value).backups[0]?.reason).toBe('manual')
  })

  it('reports a failed backup, keeps the earlier ones, and succeeds on the retry once it can', async () => {
    const app = services()
    const first = await app.backups.backupNow('manual')
    const backups = path.join(app.dir, 'backups')
    fs.renameSync(backups, `${backups}.away`)
    fs.writeFileSync(backups, 'a file where the folder should be')
    await expect(app.backups.backupNow('manual')).rejects.toBeInstanceOf(AppError)
    expect(app.backups.state().failure?.code).toMatch(/^E[A-Z]+$/)
    fs.rmSync(backups)
    fs.renameSync(`${backups}.away`, backups)
    expect(app.backups.list().map((file) => file.name)).toEqual([first.name])
    const second = await app.backups.backupNow('manual')
    expect(app.backups.state().failure).toBeNull()
    expect(app.backups.list().map((file) => file.name)).toContain(second.name)
  })

  // CI runs as root, where a small tmpfs makes a really full disk.
  it.runIf(process.getuid?.() === 0)(
    'reports a full disk, leaves no partial file, and backs up once there is room',
    async () => {
      const app = services()
      app.db.transaction(() => {
        for (let i = 0; i < 600; i++) writeNote(app, `filler ${i} ${'y'.repeat(8000)}`)
      })()
      const backups = path.join(app.dir, 'backups')
      fs.mkdirSync(backups)
      expect(spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=2M', 'tmpfs', backups]).status).toBe(0)
      try {
        await expect(app.backups.backupNow('manual')).rejects.toThrow(/disk is full/)
        expect(app.backups.state().failure?.code).toMatch(/SQLITE_FULL|ENOSPC/)
        expect(fs.readdirSync(backups)).toEqual([])
      } finally {
        spawnSync('umount', [backups])
      }
      await app.backups.backupNow('manual')
      expect(app.backups.state()).toMatchObject({ failure: null, backups: [{ reason: 'manual' }] })
    },
  )

  it('takes the day’s first backup when the host starts, and none again the same day', async () => {
    let now = Date.parse('2026-11-22T08:00:00Z')
    const app = services(() => now)
    app.backups.start()
    await waitFor('the daily backup', () => app.backups.list().length === 1)
    expect(app.backups.list()[0]?.reason).toBe('daily')
    now += 60_000
    app.backups.dispose()
    app.backups.start()
    // A due backup would be under way now (start() decides at once): none is.
    expect(app.backups.state().running).toBe(false)
    expect(app.backups.list()).toHaveLength(1)
  })

  it('backs up at a clean shutdown of a host whose schedule never started, creating backups/', () => {
    const made = testServices(() => Date.parse('2026-11-22T08:00:00Z'))
    cleanups.push(() => fs.rmSync(made.dir, { recursive: true, force: true }))
    made.backups.armShutdown()
    writeNote(made, 'written before the schedule started')
    expect(fs.existsSync(path.join(made.dir, 'backups'))).toBe(false)
    made.close()
    const list = listBackupFiles(path.join(made.dir, 'backups'))
    expect(list.map((file) => file.reason)).toEqual(['shutdown'])
    expect(integrity(path.join(made.dir, 'backups', list[0]?.name ?? ''))).toMatchObject({ check: 'ok', notes: 1 })
  })

  it('makes no shutdown backup for services no host ran (a test, a command-line report)', () => {
    const made = testServices(() => Date.parse('2026-11-22T08:00:00Z'))
    cleanups.push(() => fs.rmSync(made.dir, { recursive: true, force: true }))
    writeNote(made, 'written with no host')
    made.close()
    expect(fs.existsSync(path.join(made.dir, 'backups'))).toBe(false)
  })

  it('backs up at a clean shutdown when something changed, and keeps one backup a day', async () => {
    let now = Date.parse('2026-11-22T08:00:00Z')
    const made = testServices(() => now)
    cleanups.push(() => fs.rmSync(made.dir, { recursive: true, force: true }))
    made.backups.start()
    await waitFor('the daily backup', () => made.backups.list().length === 1)
    now += 1000
    writeNote(made, 'written after the morning backup')
    made.close()
    expect(made.events.filter((event) => event.event === 'backups:changed').length).toBeGreaterThan(0)
    const list = listBackupFiles(path.join(made.dir, 'backups'))
    // The morning's backup is pruned: of each day only the newest is kept.
    expect(list.map((file) => file.reason)).toEqual(['shutdown'])
    expect(integrity(path.join(made.dir, 'backups', list[0]?.name ?? '')).notes).toBe(1)
  })

  it('backs a database up before migrating it, at its old version', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const now = () => Date.parse('2026-11-22T07:00:00Z')
    openDatabase({ dir, now, migrationList: migrations.slice(0, LATEST_VERSION - 1) }).db.close()
    openDatabase({ dir, now }).db.close()
    const list = listBackupFiles(path.join(dir, 'backups'))
    expect(list.map((file) => file.reason)).toEqual(['before-migration'])
    const db = new Database(path.join(dir, 'backups', list[0]?.name ?? ''), { readonly: true })
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION - 1)
    db.close()
  })
})

describe('restore on damage', () => {
  function damage(file: string): void {
    const bytes = fs.readFileSync(file)
    for (let offset = 4096 * 2; offset < bytes.length; offset += 4096) bytes.fill(0xa5, offset, offset + 512)
    fs.writeFileSync(file, bytes)
  }

  async function withBackup(): Promise<{ dir: string; at: number }> {
    const made = testServices(() => Date.parse('2026-11-21T16:00:00Z'))
    cleanups.push(() => fs.rmSync(made.dir, { recursive: true, force: true }))
    for (let i = 0; i < 300; i++) writeNote(made, `Note ${i}: caller vrijeđao the agent about invoice ${i}`)
    const backup = await made.backups.backupNow('daily')
    writeNote(made, 'written after the backup')
    made.db.pragma('wal_checkpoint(TRUNCATE)')
    made.close()
    return { dir: made.dir, at: backup.at }
  }

  it('restores the newest good backup, keeps the damaged file byte for byte, and says how far back', async () => {
    const { dir, at } = await withBackup()
    const file = path.join(dir, DB_FILE)
    damage(file)
    const damaged = sha(file)
    const reopened = testServicesIn(dir)
    const notice = reopened.info.notices[0]
    expect(notice).toMatchObject({ kind: 'database-restored', restoredFrom: at })
    expect(sha(path.join(dir, notice?.movedTo ?? ''))).toBe(damaged)
    expect(reopened.notes.search('vrijedao', 5).length).toBeGreaterThan(0)
    expect(reopened.notes.search('written after', 5)).toHaveLength(0)
  })

  it('takes the next older backup when the newest is damaged too, and starts fresh with none', async () => {
    const { dir, at } = await withBackup()
    const later = path.join(dir, 'backups', 'calmdeck-2026-11-21T17-00-00-000Z-periodic.sqlite3')
    fs.writeFileSync(later, 'not a database at all '.repeat(100))
    damage(path.join(dir, DB_FILE))
    expect(testServicesIn(dir).info.notices[0]).toMatchObject({ kind: 'database-restored', restoredFrom: at })

    const empty = tempDir()
    cleanups.push(empty.cleanup)
    fs.writeFileSync(path.join(empty.dir, DB_FILE), 'garbage '.repeat(1000))
    expect(testServicesIn(empty.dir).info.notices[0]).toMatchObject({ kind: 'database-recovered', restoredFrom: null })
  })

  it('migrates a backup from an older version on restore, and passes over one from a newer version', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const old = openDatabase({ dir, now: () => 1, migrationList: migrations.slice(0, LATEST_VERSION - 1) })
    old.db.close()
    const backups = path.join(dir, 'backups')
    fs.mkdirSync(backups)
    const older = 'calmdeck-2026-11-20T10-00-00-000Z-daily.sqlite3'
    fs.copyFileSync(path.join(dir, DB_FILE), path.join(backups, older))
    const newer = new Database(path.join(backups, 'calmdeck-2026-11-21T10-00-00-000Z-daily.sqlite3'))
    newer.pragma(`user_version = ${LATEST_VERSION + 1}`)
    newer.exec('CREATE TABLE future (x INTEGER)')
    newer.close()
    fs.writeFileSync(path.join(dir, DB_FILE), 'garbage '.repeat(1000))
    fs.rmSync(path.join(dir, `${DB_FILE}-wal`), { force: true })
    const reopened = testServicesIn(dir)
    expect(reopened.info.notices[0]).toMatchObject({ restoredFrom: Date.parse('2026-11-20T10:00:00Z') })
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
  })
})

describe('restore a backup while running', () => {
  it('brings the backup’s data back, keeps the current data aside, and tells every window', async () => {
    let now = Date.parse('2026-11-22T09:00:00Z')
    const app = services(() => now)
    writeNote(app, 'Morning note about the refund')
    app.calls.start({ source: 'window' })
    const backup = await app.backups.backupNow('manual')
    now += 3_600_000
    app.calls.end('window')
    writeNote(app, 'Afternoon note after the backup')
    app.settings.update({ recoveryMinutes: 12 })
    app.events.length = 0

    const result = await app.dispatch('backups:restore', { name: backup.name })
    expect(result).toEqual({ ok: true, value: { restoredFrom: backup.at } })
    expect(app.notes.search('refund', 5)).toHaveLength(1)
    expect(app.notes.search('afternoon', 5)).toHaveLength(0)
    // The call was open at the backup, and is open again; the setting is back too.
    expect(app.calls.current().call).toMatchObject({ endedAt: null })
    expect(app.settings.get().recoveryMinutes).toBe(5)
    const announced = app.events.map((event) => event.event)
    for (const event of ['settings:changed', 'deck:changed', 'calls:changed', 'recovery:changed', 'app:restored']) {
      expect(announced).toContain(event)
    }
    // What was there before is kept aside, whole, with the afternoon's note in it.
    const aside = fs.readdirSync(app.dir).filter((name) => name.includes('.before-restore-'))
    expect(aside).toHaveLength(1)
    expect(integrity(path.join(app.dir, aside[0] ?? ''))).toEqual({ check: 'ok', version: LATEST_VERSION, notes: 2 })
    // The app keeps writing to the restored data.
    writeNote(app, 'Written after the restore')
    expect(app.notes.search('restore', 5)).toHaveLength(1)
    expect(app.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('migrates a backup from an older version, and refuses a damaged or newer one with nothing changed', async () => {
    const app = services()
    writeNote(app, 'current note')
    const backups = path.join(app.dir, 'backups')
    fs.mkdirSync(backups, { recursive: true })
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    openDatabase({ dir, now: () => 1, migrationList: migrations.slice(0, LATEST_VERSION - 1) }).db.close()
    const older = 'calmdeck-2026-11-01T10-00-00-000Z-daily.sqlite3'
    const source = new Database(path.join(dir, DB_FILE))
    await source.backup(path.join(backups, older))
    source.close()
    const damaged = 'calmdeck-2026-11-02T10-00-00-000Z-daily.sqlite3'
    fs.writeFileSync(path.join(backups, damaged), 'SQLite format 3\u0000 but not really '.repeat(200))
    const newer = 'calmdeck-2026-11-03T10-00-00-000Z-daily.sqlite3'
    const future = new Database(path.join(backups, newer))
    future.pragma(`user_version = ${LATEST_VERSION + 1}`)
    future.close()

    expect(await app.dispatch('backups:restore', { name: damaged })).toMatchObject({
      ok: false,
      error: { code: 'storage' },
    })
    expect(await app.dispatch('backups:restore', { name: newer })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await app.dispatch('backups:restore', { name: 'calmdeck-none.sqlite3' })).toMatchObject({ ok: false })
    expect(app.notes.search('current', 5)).toHaveLength(1)

    expect((await app.dispatch('backups:restore', { name: older })).ok).toBe(true)
    expect(app.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(app.notes.search('current', 5)).toHaveLength(0)
    writeNote(app, 'after migrating the restored data')
    expect(app.notes.search('migrating', 5)).toHaveLength(1)
  })
})

describe('which backups are kept', () => {
  const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10)
  const weekOf = (ms: number) => mondayOf(dayOf(ms))
  const file = (at: number): BackupFile => ({ name: `b-${at}`, at, reason: 'periodic', size: 1 })

  it('keeps 7 days and 4 weeks of a daily series', () => {
    const start = Date.parse('2026-10-01T09:00:00Z')
    const files = Array.from({ length: 60 }, (_, i) => file(start + i * DAY))
    const pruned = new Set(backupsToPrune(files, { daily: 7, weekly: 4 }, dayOf, weekOf))
    const kept = files.filter((item) => !pruned.has(item.name)).map((item) => dayOf(item.at))
    // The last 7 days, plus the newest of each of the 4 newest weeks (two of them already among the days).
    expect(kept.slice(-7)).toEqual(files.slice(-7).map((item) => dayOf(item.at)))
    expect(new Set(kept.map((day) => mondayOf(day))).size).toBe(4)
    expect(kept.length).toBeLessThanOrEqual(11)
  })

  it('always keeps the newest, the newest of each recent day and week, and nothing beyond the limits', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 120 * DAY }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 0, max: 6 }),
        (offsets, daily, weekly) => {
          const files = [...new Set(offsets)].map((offset) => file(Date.parse('2026-01-01T00:00:00Z') + offset))
          const pruned = new Set(backupsToPrune(files, { daily, weekly }, dayOf, weekOf))
          const kept = files.filter((item) => !pruned.has(item.name))
          const newest = [...files].sort((a, b) => b.at - a.at)
          expect(kept).toContainEqual(newest[0])
          const days = [...new Set(newest.map((item) => dayOf(item.at)))].slice(0, daily)
          for (const day of days) expect(kept).toContainEqual(newest.find((item) => dayOf(item.at) === day))
          expect(kept.length).toBeLessThanOrEqual(daily + weekly + 1)
        },
      ),
    )
  })
})

function testServicesIn(dir: string): TestServices {
  const made = testServices(() => Date.parse('2026-11-22T10:00:00Z'), dir)
  cleanups.push(() => made.close())
  return made
}
