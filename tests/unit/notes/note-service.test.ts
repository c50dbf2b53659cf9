import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { foldForSearch } from '../../../electron/services/storage/fold'
import { toMatchExpression } from '../../../electron/services/notes/note-service'
import { noteSaveSchema, type NoteSave } from '../../../shared/notes'
import { AppError } from '../../../shared/result'
import { testServices, type TestServices } from '../../helpers/services'

const T0 = Date.parse('2026-11-22T09:00:00Z')
let clock = T0
let services: TestServices
beforeEach(() => {
  clock = T0
  services = testServices(() => clock)
})
afterEach(() => services.dispose())

const blank: Omit<NoteSave, 'callId'> = { whatHappened: '', callerWants: '', resolved: '', freeText: '', items: [] }

describe('NoteService', () => {
  it('creates the note of a call on first save and updates that same note afterwards', () => {
    const { call } = services.calls.start({ source: 'window' })
    expect(services.notes.forCall(call!.id)).toBeNull()
    const first = services.notes.save({
      ...blank,
      callId: call!.id,
      whatHappened: 'Caller angry about a late delivery',
    })
    expect(first).toMatchObject({ callId: call!.id, revision: 1, createdAt: T0, updatedAt: T0 })
    clock += 5_000
    const second = services.notes.save({
      ...blank,
      callId: call!.id,
      whatHappened: 'Caller angry about a late delivery.',
    })
    expect(second).toMatchObject({ id: first.id, revision: 2, createdAt: T0, updatedAt: T0 + 5_000 })
    expect(services.notes.forCall(call!.id)?.whatHappened).toBe('Caller angry about a late delivery.')
  })

  it('keeps walk-in notes without a call, and promises with due dates', () => {
    const note = services.notes.save({
      ...blank,
      callId: null,
      freeText: 'Customer came to the desk',
      items: [
        { kind: 'promise', text: 'Call back with the refund status', due: '2026-11-27', done: false },
        { kind: 'follow-up', text: 'Ask billing about invoice 4411', due: null, done: true },
      ],
    })
    expect(services.notes.get(note.id).items).toHaveLength(2)
    expect(services.notes.get(note.id).callId).toBeNull()
    const again = services.notes.save({
      ...blank,
      id: note.id,
      callId: null,
      freeText: 'Customer came to the desk at 10',
    })
    expect(again.id).toBe(note.id)
    expect(again.items).toEqual([])
  })

  it('updates the same walk-in note when a save is repeated after its answer was lost', () => {
    const draftKey = '6f1c2e0a-8b1d-4c3e-9f00-1a2b3c4d5e6f'
    const first = services.notes.save({ ...blank, callId: null, draftKey, freeText: 'Visitor at the desk' })
    const repeat = services.notes.save({ ...blank, callId: null, draftKey, freeText: 'Visitor at the desk, upset' })
    expect(repeat.id).toBe(first.id)
    expect(services.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 })
  })

  it('refuses a note for a call that does not exist, or an unknown note id, writing nothing', () => {
    expect(() => services.notes.save({ ...blank, callId: 999, freeText: 'x' })).toThrow(AppError)
    expect(() => services.notes.save({ ...blank, id: 5, callId: null, freeText: 'x' })).toThrow(AppError)
    expect(services.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 })
  })

  it('finds notes by any field, ignoring case and diacritics, with the call beside each result', () => {
    const { call } = services.calls.start({ source: 'window', number: '+385 91 555 0101' })
    services.calls.log('boundary-warning', 'window')
    services.notes.save({ ...blank, callId: call!.id, whatHappened: 'Pozivatelj je vrijeđao agenta, upozoren' })
    services.notes.save({
      ...blank,
      callId: null,
      items: [{ kind: 'promise', text: 'Terugbellen over de factuur', due: null, done: false }],
    })
    const [hit] = services.notes.search('VRIJEDAO')
    expect(hit?.call).toMatchObject({ hard: true, caller: '…0101', startedAt: T0, endedAt: null })
    expect(hit?.snippet).toContain('\u0002vrijeđao\u0003')
    expect(services.notes.search('factu').map((item) => item.note.callId)).toEqual([null])
    expect(services.notes.search('nothing-like-this')).toEqual([])
  })

  it('takes search input literally: quotes, operators and stars cannot break the query', () => {
    services.notes.save({ ...blank, callId: null, freeText: 'refund AND "quoted" NEAR(x) *' })
    for (const query of ['"', 'AND', 'NEAR(', '*', '-', 'refund" OR "x', '^refund', ':', '()']) {
      expect(() => services.notes.search(query), query).not.toThrow()
    }
    expect(services.notes.search('refund" OR "x')).toHaveLength(0)
    expect(services.notes.search('quoted refund')).toHaveLength(1)
  })

  it('lists recent notes, newest first, without a query', () => {
    for (const text of ['first', 'second', 'third']) {
      services.notes.save({ ...blank, callId: null, freeText: text })
      clock += 1000
    }
    expect(services.notes.search('  ').map((hit) => hit.note.freeText)).toEqual(['third', 'second', 'first'])
  })
})

describe('note size', () => {
  it('accepts 100 KB and refuses one byte more, counting UTF-8 bytes', () => {
    const limit = 100 * 1024
    expect(noteSaveSchema.safeParse({ ...blank, callId: null, freeText: 'a'.repeat(limit) }).success).toBe(true)
    const over = noteSaveSchema.safeParse({ ...blank, callId: null, freeText: 'a'.repeat(limit - 1) + 'đ' })
    expect(over.success).toBe(false)
    expect(over.error?.issues[0]?.message).toMatch(/larger than 100 KB/)
  })

  it('is checked at the boundary: a huge note changes nothing', async () => {
    const result = await services.dispatch('notes:save', { ...blank, callId: null, freeText: 'x'.repeat(200 * 1024) })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(services.db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 0 })
  })
})

describe('toMatchExpression', () => {
  it('quotes every word as a prefix and drops punctuation', () => {
    expect(toMatchExpression('refund friday')).toBe('"refund"* "friday"*')
    expect(toMatchExpression('"drop" OR *')).toBe('"drop"* "OR"*')
    expect(toMatchExpression('Vrijeđao')).toBe('"Vrijedao"*')
    expect(toMatchExpression(' -- ')).toBeNull()
  })
})

describe('foldForSearch', () => {
  it('removes diacritics and folds letters such as đ, one character for one', () => {
    const samples = ['vrijeđao Đurđica', 'Ljubičić, šešir, žaba', 'café naïve Über', 'Łódź Ørsted']
    expect(samples.map(foldForSearch)).toEqual([
      'vrijedao Durdica',
      'Ljubicic, sesir, zaba',
      'cafe naive Uber',
      'Lodz Orsted',
    ])
    for (const text of samples) expect(foldForSearch(text)).toHaveLength(text.length)
  })
})
