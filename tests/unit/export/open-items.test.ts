import { afterEach, describe, expect, it } from 'vitest'
import { buildReport } from '../../../electron/services/export/build-report'
import type { NoteItem } from '../../../shared/notes'
import { testServices, type TestServices } from '../../helpers/services'

const T0 = Date.parse('2026-11-22T09:00:00Z')
let services: TestServices | undefined

afterEach(() => services?.dispose())

const item = (kind: NoteItem['kind'], done: boolean): NoteItem => ({ kind, text: `${kind} ${done}`, due: null, done })

/** A call with `logged` event kinds and a note listing `items` (none: no note). */
function call(s: TestServices, logged: string[], items: NoteItem[] | null): void {
  const { call: started } = s.calls.start({ source: 'window' })
  for (const kind of logged) s.calls.log(kind, 'hotkey')
  if (items) s.notes.save({ callId: started!.id, whatHappened: '', callerWants: '', resolved: '', freeText: '', items })
  s.calls.end('window')
}

const summary = (s: TestServices) =>
  buildReport(s.db, {
    from: T0 - 3_600_000,
    to: T0 + 3_600_000,
    now: T0 + 3_600_000,
    timeZone: 'UTC',
    language: 'en',
    eventKinds: s.decks.eventKinds(),
    redact: false,
    remark: '',
  }).summary

describe('open promises and follow-ups in the report', () => {
  it('counts a promise or follow-up logged during a call as open until its note lists it', () => {
    const s = (services = testServices(() => T0))
    // Two promises logged, one written up and done: one is still owed.
    call(s, ['promise-made', 'promise-made', 'follow-up'], [item('promise', true)])
    // Logged with no note at all.
    call(s, ['promise-made'], null)
    // The note lists more than was logged: its open items count, nothing more.
    call(s, ['follow-up'], [item('follow-up', false), item('follow-up', true), item('promise', false)])
    expect(summary(s)).toMatchObject({ promisesOpen: 1 + 1 + 1, followUpsOpen: 1 + 0 + 1 })
  })

  it('counts a note listing every logged one, all done, as nothing open', () => {
    const s = (services = testServices(() => T0))
    call(s, ['promise-made', 'follow-up'], [item('promise', true), item('follow-up', true)])
    call(s, ['venting', 'resolved'], [])
    expect(summary(s)).toMatchObject({ promisesOpen: 0, followUpsOpen: 0 })
  })
})
