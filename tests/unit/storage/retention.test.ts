import Database from 'better-sqlite3'
import fc from 'fast-check'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import { NoteService } from '../../../electron/services/notes/note-service'
import { DB_FILE, migrate, openDatabase, type Db } from '../../../electron/services/storage/database'
import { registerFold } from '../../../electron/services/storage/fold'
import { migrations } from '../../../electron/services/storage/migrations'
import {
  DAY_MS,
  noteIndexMergingLeftOff,
  purgeOlderThan,
  retentionCutoff,
  setNoteIndexMerging,
} from '../../../electron/services/storage/retention'
import { mergeEventKinds } from '../../../shared/event-kinds'
import { testServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

const NOW = Date.parse('2026-11-22T10:00:00Z')
const DAYS = 30

interface CallCase {
  ageMinutes: number
  pinned: boolean
  events: number
  note: boolean
  brk: boolean
}
interface Case {
  calls: CallCase[]
  /** The newest call is still open. */
  open: boolean
  walkIns: number[]
  loneBreaks: { ageMinutes: number; live: boolean }[]
}

/** Ages around the cutoff (30 days), so rows on both sides and right at it are common. */
const age = fc.oneof(
  fc.integer({ min: 0, max: 60 * 24 * 60 }),
  fc.integer({ min: DAYS * 24 * 60 - 3, max: DAYS * 24 * 60 + 3 }),
)
const caseArb: fc.Arbitrary<Case> = fc.record({
  calls: fc.array(
    fc.record({ ageMinutes: age, pinned: fc.boolean(), events: fc.nat(4), note: fc.boolean(), brk: fc.boolean() }),
    { maxLength: 30 },
  ),
  open: fc.boolean(),
  walkIns: fc.array(age, { maxLength: 6 }),
  loneBreaks: fc
    .array(fc.record({ ageMinutes: age, live: fc.boolean() }), { maxLength: 4 })
    // At most one break is live at a time (a unique index says so).
    .map((list) => list.map((lone, index) => ({ ...lone, live: lone.live && index === 0 }))),
})

/** A unique search word per note, never a prefix of another ("w1x" vs "w11x"). */
const word = (index: number) => `w${index}x`

function seed(db: Db, input: Case): void {
  const at = (minutes: number) => NOW - minutes * 60_000
  const addCall = db.prepare(
    "INSERT INTO calls (id, started_at, ended_at, hard, source, pinned) VALUES (?, ?, ?, 0, 'window', ?)",
  )
  const addEvent = db.prepare("INSERT INTO events (call_id, at, kind, source) VALUES (?, ?, 'mark', 'window')")
  const addNote = db.prepare(
    'INSERT INTO notes (call_id, created_at, updated_at, what_happened, items_text) VALUES (?, ?, ?, ?, ?)',
  )
  const addBreak = db.prepare(
    `INSERT INTO recoveries (call_id, status, offered_at, duration_ms, started_at, ended_at, source)
     VALUES (?, ?, ?, 300000, ?, ?, 'window')`,
  )
  db.transaction(() => {
    const sorted = [...input.calls].sort((a, b) => b.ageMinutes - a.ageMinutes)
    sorted.forEach((call, index) => {
      const id = index + 1
      const started = at(call.ageMinutes)
      const open = input.open && index === sorted.length - 1
      addCall.run(id, started, open ? null : started + 1000, call.pinned ? 1 : 0)
      for (let n = 0; n < call.events; n++) addEvent.run(id, started + n)
      if (call.note) addNote.run(id, started, started, `call ${word(id)}`, '')
      if (call.brk && !open) addBreak.run(id, 'finished', started + 1000, started + 1000, started + 301_000)
    })
    input.walkIns.forEach((minutes, index) => {
      const created = at(minutes)
      addNote.run(null, created, NOW, `walk-in ${word(1000 + index)}`, `promise ${word(2000 + index)}`)
    })
    for (const lone of input.loneBreaks) {
      const started = at(lone.ageMinutes)
      addBreak.run(null, lone.live ? 'running' : 'ended-early', started, started, lone.live ? null : started + 1000)
    }
  })()
}

/** The rule, restated on the model: what must be left after the purge. */
function expected(input: Case, cutoff: number) {
  const sorted = [...input.calls].sort((a, b) => b.ageMinutes - a.ageMinutes)
  const at = (minutes: number) => NOW - minutes * 60_000
  const calls = sorted
    .map((call, index) => ({ ...call, id: index + 1, open: input.open && index === sorted.length - 1 }))
    .filter((call) => call.pinned || call.open || at(call.ageMinutes) >= cutoff)
  const walkIns = input.walkIns.map((minutes, index) => ({ minutes, index })).filter((w) => at(w.minutes) >= cutoff)
  const loneBreaks = input.loneBreaks.filter((lone) => lone.live || at(lone.ageMinutes) >= cutoff)
  return { calls, walkIns, loneBreaks }
}

const count = (db: Db, sql: string) => (db.prepare(sql).get() as { n: number }).n

describe('retention', () => {
  it('deletes exactly the calls, notes and breaks the rule names; search, the index and the report agree after', async () => {
    const cutoff = retentionCutoff(NOW, DAYS) as number
    await fc.assert(
      fc.asyncProperty(caseArb, async (input) => {
        const { dir, cleanup } = tempDir('calmdeck-retention-')
        const { db } = openDatabase({ dir, now: () => NOW })
        try {
          seed(db, input)
          await purgeOlderThan(db, cutoff)
          const want = expected(input, cutoff)
          const ids = db.prepare('SELECT id FROM calls ORDER BY id').pluck().all()
          expect(ids).toEqual(want.calls.map((call) => call.id))
          expect(count(db, 'SELECT count(*) AS n FROM events')).toBe(want.calls.reduce((n, c) => n + c.events, 0))
          expect(count(db, 'SELECT count(*) AS n FROM events WHERE call_id NOT IN (SELECT id FROM calls)')).toBe(0)
          expect(count(db, 'SELECT count(*) AS n FROM recoveries WHERE call_id IS NOT NULL')).toBe(
            want.calls.filter((call) => call.brk && !call.open).length,
          )
          expect(count(db, 'SELECT count(*) AS n FROM recoveries WHERE call_id IS NULL')).toBe(want.loneBreaks.length)
          // The index holds exactly the notes that are left (external-content integrity check).
          db.exec(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)`)
          const notes = new NoteService(db, () => NOW)
          for (const call of input.calls.map((_, index) => index + 1)) {
            const kept = want.calls.some((item) => item.id === call && item.note)
            expect(notes.search(word(call)).length, word(call)).toBe(kept ? 1 : 0)
          }
          input.walkIns.forEach((_, index) => {
            const kept = want.walkIns.some((w) => w.index === index) ? 1 : 0
            expect(notes.search(word(1000 + index)).length).toBe(kept)
            expect(notes.search(word(2000 + index)).length).toBe(kept)
          })
          const report = buildReport(db, {
            from: 0,
            to: NOW + 1,
            now: NOW,
            timeZone: 'UTC',
            language: 'en',
            eventKinds: mergeEventKinds(undefined),
            redact: false,
            remark: '',
          })
          expect(report.calls.map((call) => call.id).sort((a, b) => a - b)).toEqual(want.calls.map((call) => call.id))
          expect(report.summary.walkIns).toBe(want.walkIns.length)
          expect(count(db, 'SELECT freelist_count AS n FROM pragma_freelist_count')).toBe(0)
        } finally {
          db.close()
          cleanup()
        }
      }),
      { numRuns: 40 },
    )
  })

  it('is off at 0 days and counts back whole days otherwise', () => {
    expect(retentionCutoff(NOW, 0)).toBeNull()
    expect(retentionCutoff(NOW, 7)).toBe(NOW - 7 * DAY_MS)
  })

  it('gives the space back: the file shrinks after a large purge, in many small steps', async () => {
    const { dir, cleanup } = tempDir('calmdeck-retention-')
    const { db } = openDatabase({ dir, now: () => NOW })
    try {
      const calls = Array.from({ length: 3000 }, () => ({
        ageMinutes: 90 * 24 * 60,
        pinned: false,
        events: 2,
        note: true,
        brk: false,
      }))
      db.transaction(() => seed(db, { calls, open: false, walkIns: [], loneBreaks: [] }))()
      db.prepare('UPDATE notes SET free_text = ?').run('x'.repeat(2000))
      const before = count(db, 'SELECT page_count AS n FROM pragma_page_count')
      const result = await purgeOlderThan(db, retentionCutoff(NOW, DAYS) as number)
      expect(result.calls).toBe(3000)
      expect(result.freedPages).toBeGreaterThan(before / 2)
      expect(result.steps).toBeGreaterThan(2)
      expect(count(db, 'SELECT page_count AS n FROM pragma_page_count')).toBeLessThan(before / 2)
    } finally {
      db.close()
      cleanup()
    }
  })

  it('counts only the pages its own steps gave back, while the app writes between them', async () => {
    const { dir, cleanup } = tempDir('calmdeck-retention-')
    const { db } = openDatabase({ dir, now: () => NOW })
    try {
      const calls = Array.from({ length: 1000 }, () => ({
        ageMinutes: 90 * 24 * 60,
        pinned: false,
        events: 1,
        note: true,
        brk: false,
      }))
      db.transaction(() => seed(db, { calls, open: false, walkIns: [], loneBreaks: [] }))()
      db.prepare('UPDATE notes SET free_text = ?').run('x'.repeat(2000))
      db.exec('CREATE TABLE app_writes (data BLOB NOT NULL)')
      const pages = () => count(db, 'SELECT page_count AS n FROM pragma_page_count')
      const free = () => count(db, 'SELECT freelist_count AS n FROM pragma_freelist_count')
      // The file only grows until the space is given back; once it shrinks, each pause writes
      // what takes free pages (never new ones), as the app may between two steps.
      let peak = pages()
      let shrinking = false
      let written = 0
      const pause = async () => {
        const now = pages()
        shrinking ||= now < peak
        peak = Math.max(peak, now)
        if (shrinking && free() > 8) {
          db.prepare('INSERT INTO app_writes (data) VALUES (?)').run(Buffer.alloc(6000))
          written++
        }
        await new Promise<void>((resolve) => setImmediate(resolve))
      }
      const result = await purgeOlderThan(db, retentionCutoff(NOW, DAYS) as number, { pause })
      expect(written).toBeGreaterThan(0)
      expect(result.freedPages).toBe(peak - pages())
    } finally {
      db.close()
      cleanup()
    }
  })

  it("merges the search index and checkpoints the log in steps of its own, then gives SQLite's own back", async () => {
    const { dir, cleanup } = tempDir('calmdeck-retention-')
    const { db } = openDatabase({ dir, now: () => NOW })
    const config = (key: string) => db.prepare('SELECT v FROM notes_fts_config WHERE k = ?').pluck().get(key)
    try {
      const calls = Array.from({ length: 1500 }, () => ({
        ageMinutes: 90 * 24 * 60,
        pinned: false,
        events: 2,
        note: true,
        brk: false,
      }))
      seed(db, { calls, open: false, walkIns: [], loneBreaks: [] })
      // One note per transaction, as agents save them: the index has its segments to merge.
      for (let n = 0; n < 1500; n++) seed(db, { calls: [], open: false, walkIns: [90 * 24 * 60], loneBreaks: [] })
      const during: { merging: boolean; autoCheckpoint: unknown }[] = []
      const onStep = () =>
        during.push({
          merging: !noteIndexMergingLeftOff(db),
          autoCheckpoint: db.pragma('wal_autocheckpoint', { simple: true }),
        })
      // Cut off after a few steps (the app closing), then run to the end.
      let steps = 0
      await purgeOlderThan(db, retentionCutoff(NOW, DAYS) as number, { onStep, stopped: () => ++steps >= 5 })
      expect(during).toHaveLength(5)
      expect(during.every((step) => !step.merging && step.autoCheckpoint === 0)).toBe(true)
      expect([config('automerge'), config('crisismerge'), db.pragma('wal_autocheckpoint', { simple: true })]).toEqual([
        4, 16, 1000,
      ])
      const result = await purgeOlderThan(db, retentionCutoff(NOW, DAYS) as number, { onStep })
      expect(result.notes).toBeGreaterThan(0)
      expect(during.every((step) => !step.merging && step.autoCheckpoint === 0)).toBe(true)
      expect([config('automerge'), config('crisismerge'), db.pragma('wal_autocheckpoint', { simple: true })]).toEqual([
        4, 16, 1000,
      ])
      expect(count(db, 'SELECT count(*) AS n FROM calls') + count(db, 'SELECT count(*) AS n FROM notes')).toBe(0)
      db.exec(`INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)`)
    } finally {
      db.close()
      cleanup()
    }
  })

  it("turns the search index's own merging back on when a killed purge left it off, even with retention off", async () => {
    const services = testServices(() => NOW)
    try {
      setNoteIndexMerging(services.db, false)
      expect(noteIndexMergingLeftOff(services.db)).toBe(true)
      services.settings.update({ retentionDays: 0 })
      expect(await services.retention.run()).toBeNull()
      expect(noteIndexMergingLeftOff(services.db)).toBe(false)
    } finally {
      services.dispose()
    }
  })

  it('turns an older database to incremental vacuum at start and migrates its calls to unpinned', () => {
    const { dir, cleanup } = tempDir('calmdeck-retention-')
    try {
      const raw = new Database(path.join(dir, DB_FILE))
      registerFold(raw)
      migrate(raw, migrations.slice(0, 4))
      raw.prepare("INSERT INTO calls (started_at, ended_at, source) VALUES (1, 2, 'window')").run()
      expect(raw.pragma('auto_vacuum', { simple: true })).toBe(0)
      raw.close()
      const { db } = openDatabase({ dir, now: () => NOW })
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2)
      expect(db.prepare('SELECT started_at, pinned FROM calls').all()).toEqual([{ started_at: 1, pinned: 0 }])
      db.close()
    } finally {
      cleanup()
    }
  })

  it('keeps a pinned call and its note; unpinned, the next run deletes it', async () => {
    let now = NOW - 40 * DAY_MS
    const services = testServices(() => now)
    try {
      services.calls.start({ source: 'window' })
      const id = services.calls.current().call?.id as number
      services.calls.end('window')
      services.notes.save({
        callId: id,
        whatHappened: 'threatened to sue',
        callerWants: '',
        resolved: '',
        freeText: '',
        items: [],
      })
      expect(services.calls.setPinned(id, true).pinned).toBe(true)
      now = NOW
      services.settings.update({ retentionDays: DAYS })
      await services.retention.run()
      expect(services.calls.timeline(id).call.pinned).toBe(true)
      expect(services.notes.search('threatened')).toHaveLength(1)
      services.calls.setPinned(id, false)
      await services.retention.run()
      expect(() => services.calls.timeline(id)).toThrow(/does not exist/)
      expect(services.notes.search('threatened')).toHaveLength(0)
    } finally {
      services.dispose()
    }
  })
})
