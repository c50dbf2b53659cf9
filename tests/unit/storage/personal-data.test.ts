import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ensureToken, writePortFile } from '../../../electron/services/integrations/local-api-files'
import { DB_FILE } from '../../../electron/services/storage/database'
import { defaultDeck } from '../../../shared/default-deck'
import type { PersonalData } from '../../../shared/personal-data'
import { testServices, type TestServices } from '../../helpers/services'

const T0 = Date.parse('2026-11-22T09:00:00Z')
/** Words that appear only in the agent's data, to look for in every byte left on disk. */
const SECRET = 'Zwartevaagbeentjeskwestie'
const SECRET_ITEM = 'Terugbelafspraakgeheim'
const SECRET_NUMBER = '+31612345678'

let open: TestServices[] = []
afterEach(() => {
  for (const services of open) services.dispose()
  open = []
})

function services(now = () => T0): TestServices {
  const made = testServices(now)
  open.push(made)
  return made
}

/** A day's work: calls with events and notes (one pinned), a walk-in, a break, a deck, settings. */
function fill(target: TestServices): void {
  target.settings.update({ theme: 'dark', retentionDays: 90, callerNumber: 'full' })
  target.decks.import(JSON.stringify({ ...defaultDeck, id: 'team' }))
  target.calls.start({ source: 'window', number: SECRET_NUMBER, direction: 'inbound' })
  target.calls.log('anger-rising', 'window', 'shouting')
  const first = target.calls.current().call?.id as number
  target.calls.end('window')
  target.notes.save({
    callId: first,
    whatHappened: `${SECRET} escalated`,
    callerWants: 'a refund',
    resolved: '',
    freeText: 'đ and ž stay',
    items: [{ kind: 'promise', text: SECRET_ITEM, due: '2026-11-30', done: false }],
  })
  target.calls.setPinned(first, true)
  target.recovery.start('window', 5)
  target.recovery.endEarly()
  target.calls.start({ source: 'hotkey' })
  target.calls.end('hotkey')
  target.notes.save({ callId: null, whatHappened: 'walk-in', callerWants: '', resolved: '', freeText: '', items: [] })
}

function exported(target: TestServices): PersonalData {
  return JSON.parse(target.personalData.export().text) as PersonalData
}

/** Every file under `dir`, recursively. */
function filesIn(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? filesIn(full) : [full]
  })
}

describe('personal data', () => {
  it('exports everything and imports it back into an empty CalmDeck, equal', async () => {
    const source = services()
    fill(source)
    const data = exported(source)
    expect(data.calls).toHaveLength(2)
    expect(data.calls[0]?.pinned).toBe(true)
    expect(data.notes).toHaveLength(2)
    expect(data.breaks).toHaveLength(1)
    expect(data.decks).toHaveLength(1)

    const target = services(() => T0 + 1000)
    const counts = target.personalData.import(source.personalData.export().text)
    expect(counts).toEqual({ calls: 2, events: data.events.length, notes: 2, breaks: 1, decks: 1 })
    expect({ ...exported(target), exportedAt: 0 }).toEqual({ ...data, exportedAt: 0 })
    // The search index was filled, diacritics folded as usual.
    expect(target.notes.search(SECRET.slice(0, 8))).toHaveLength(1)
    expect(target.notes.search('dj')).toHaveLength(0)
    expect(target.notes.search('d and z')).toHaveLength(1)
    expect(target.decks.get().deck.id).toBe('team')
    expect(target.settings.get().theme).toBe('dark')
    expect(target.events.some((item) => item.event === 'settings:changed')).toBe(true)
  })

  it('refuses to import into a CalmDeck that holds data, and changes nothing', () => {
    const source = services()
    fill(source)
    const text = source.personalData.export().text
    const target = services()
    target.calls.start({ source: 'window' })
    target.calls.end('window')
    const before = exported(target)
    expect(() => target.personalData.import(text)).toThrow(/empty CalmDeck/)
    expect({ ...exported(target), exportedAt: 0 }).toEqual({ ...before, exportedAt: 0 })
  })

  it('refuses a broken or contradictory file with paths, all or nothing', () => {
    const source = services()
    fill(source)
    const data = exported(source)
    const target = services()
    const empty = exported(target)
    const attempts: [unknown, RegExp][] = [
      ['not json', /not JSON/],
      [{ ...data, schemaVersion: 99 }, /cannot be imported/],
      [{ ...data, events: [...data.events, { ...data.events[0], id: 999, callId: 77 }] }, /cannot be imported/],
      [{ ...data, notes: [...data.notes, { ...data.notes[0], id: 999 }] }, /cannot be imported/],
      // Two live breaks pass the schema but not the database: the transaction rolls back.
      [
        {
          ...data,
          breaks: [
            { ...data.breaks[0], id: 1, status: 'running', endedAt: null },
            { ...data.breaks[0], id: 2, status: 'paused', endedAt: null },
          ],
        },
        /contradict/,
      ],
    ]
    for (const [file, message] of attempts) {
      const text = typeof file === 'string' ? file : JSON.stringify(file)
      expect(() => target.personalData.import(text)).toThrow(message)
      expect({ ...exported(target), exportedAt: 0 }).toEqual({ ...empty, exportedAt: 0 })
    }
    try {
      target.personalData.import(JSON.stringify({ ...data, events: [{ ...data.events[0], callId: 77 }] }))
    } catch (error) {
      expect((error as { issues?: unknown }).issues).toEqual([{ path: 'events[0].callId', message: 'no such call' }])
    }
  })

  it('deletes everything: no file in the data folder holds a note, an item or a number afterwards', async () => {
    const target = services()
    fill(target)
    await target.backups.backupNow('manual')
    ensureToken(target.dir)
    writePortFile(target.dir, 45678)
    // A damaged database set aside earlier, and a copy kept before a restore.
    fs.writeFileSync(path.join(target.dir, `${DB_FILE}.damaged-2026-11-01T00-00-00-000Z`), `junk ${SECRET}`)
    fs.writeFileSync(path.join(target.dir, `${DB_FILE}.damaged-2026-11-01T00-00-00-000Z-wal`), `junk ${SECRET}`)
    const haystack = () =>
      filesIn(target.dir).filter((file) => {
        const bytes = fs.readFileSync(file)
        return [SECRET, SECRET_ITEM, SECRET_NUMBER, SECRET.toLowerCase()].some((needle) => bytes.includes(needle))
      })
    expect(haystack().length).toBeGreaterThan(2)

    const counts = await target.personalData.deleteAll()
    expect(counts).toMatchObject({ calls: 2, notes: 2, breaks: 1, decks: 1 })
    expect(haystack()).toEqual([])
    expect(fs.existsSync(path.join(target.dir, 'backups'))).toBe(false)
    expect(fs.readdirSync(target.dir).sort()).toEqual([DB_FILE, `${DB_FILE}-shm`, `${DB_FILE}-wal`])
    expect(exported(target)).toMatchObject({ calls: [], events: [], notes: [], breaks: [], decks: [] })
    expect(target.settings.get().theme).toBe('system')
    expect(target.calls.current()).toEqual({ call: null, recent: [] })
    // The app keeps working on the empty database, and the windows heard of it.
    target.calls.start({ source: 'window' })
    expect(target.events.filter((item) => item.event === 'calls:changed').length).toBeGreaterThan(0)
    expect(target.events.some((item) => item.event === 'deck:changed')).toBe(true)
  })

  it('waits for a running backup, so none with the old data lands after the delete', async () => {
    const target = services()
    fill(target)
    const running = target.backups.backupNow('manual')
    await target.personalData.deleteAll()
    await running
    expect(fs.existsSync(path.join(target.dir, 'backups'))).toBe(false)
  })

  it('refuses the delete without the confirmation phrase', async () => {
    const target = services()
    fill(target)
    const result = await target.dispatch('data:delete-all', { confirm: 'yes' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(exported(target).calls).toHaveLength(2)
  })
})
