import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { storedCaller } from '../../../electron/services/calls/call-service'
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

const tick = (ms: number) => (clock += ms)
/** The open call's whole timeline, by kind. */
const kinds = () => {
  const open = services.calls.current().call
  return open ? services.calls.timeline(open.id).events.map((event) => event.kind) : []
}

function expectError(run: () => unknown, code: string): void {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe(code)
    return
  }
  throw new Error(`expected an ${code} error`)
}

describe('CallService', () => {
  it('starts a call with a call-started event and ends it with call-ended', () => {
    const started = services.calls.start({ source: 'window', number: '+31 20 555 1234', direction: 'inbound' })
    expect(started.call).toMatchObject({
      startedAt: T0,
      endedAt: null,
      caller: '…1234',
      direction: 'inbound',
      hard: false,
    })
    tick(65_000)
    const ended = services.calls.end('hotkey')
    expect(ended).toEqual({ call: null, recent: [] })
    const [call] = services.calls.list(T0, T0 + 3_600_000)
    expect(call).toMatchObject({ startedAt: T0, endedAt: T0 + 65_000, eventCount: 2 })
    expect(services.calls.timeline(call!.id).events.map((event) => [event.kind, event.at, event.source])).toEqual([
      ['call-started', T0, 'window'],
      ['call-ended', T0 + 65_000, 'hotkey'],
    ])
  })

  it('starts a call by itself when an event is logged with none open', () => {
    const event = services.calls.log('venting', 'hotkey')
    expect(event).toMatchObject({ kind: 'venting', at: T0, source: 'hotkey' })
    expect(kinds()).toEqual(['call-started', 'venting'])
    expect(services.calls.current().call?.source).toBe('hotkey')
  })

  it('returns each logged event exactly as it was stored (text trimmed, empty text as none)', () => {
    const logged = [
      services.calls.log('venting', 'hotkey'),
      services.calls.log('mark', 'window', '  asked for the manager  '),
      services.calls.log('mark', 'integration', '   '),
    ]
    tick(1000)
    const endedForAbuse = services.calls.log('ended-for-abuse', 'window')
    const stored = services.calls.timeline(logged[0]!.callId).events
    for (const event of [...logged, endedForAbuse]) expect(stored.find((row) => row.id === event.id)).toEqual(event)
    expect(logged.map((event) => event.text)).toEqual([null, 'asked for the manager', null])
  })

  it('keeps the order of events logged in the same millisecond', () => {
    services.calls.start({ source: 'window' })
    const order = ['venting', 'summarised', 'apologised', 'solution-offered', 'promise-made', 'resolved']
    for (const kind of order) services.calls.log(kind, 'hotkey')
    expect(kinds()).toEqual(['call-started', ...order])
    expect(services.calls.current().recent.map((event) => event.kind)).toEqual(order.slice(-5))
    expect(new Set(services.calls.current().recent.map((event) => event.at))).toEqual(new Set([T0]))
  })

  it('flags the call hard on boundary, abuse, anger or supervisor events, and unflags on undo', () => {
    services.calls.start({ source: 'window' })
    services.calls.log('venting', 'window')
    expect(services.calls.current().call?.hard).toBe(false)
    const warning = services.calls.log('boundary-warning', 'hotkey')
    expect(services.calls.current().call?.hard).toBe(true)
    services.calls.undo(warning.id)
    expect(services.calls.current().call?.hard).toBe(false)
    for (const kind of ['anger-rising', 'supervisor-requested']) {
      const event = services.calls.log(kind, 'window')
      expect(services.calls.current().call?.hard, kind).toBe(true)
      services.calls.undo(event.id)
    }
    services.calls.log('anger-rising', 'window')
    services.calls.end('window')
    expect(services.calls.list(T0, T0 + 1000, true)).toHaveLength(1)
  })

  it('ends the call when it is ended for abuse, and flags it hard', () => {
    services.calls.start({ source: 'window' })
    tick(30_000)
    services.calls.log('ended-for-abuse', 'hotkey')
    expect(services.calls.current()).toEqual({ call: null, recent: [] })
    const [call] = services.calls.list(T0, T0 + 60_000)
    expect(call).toMatchObject({ hard: true, endedAt: T0 + 30_000 })
    expect(services.calls.timeline(call!.id).events.map((event) => event.kind)).toEqual([
      'call-started',
      'ended-for-abuse',
      'call-ended',
    ])
  })

  it('undoes within 10 seconds only, the latest event when no id is given', () => {
    services.calls.start({ source: 'window' })
    services.calls.log('venting', 'window')
    tick(2_000)
    const mark = services.calls.log('mark', 'window', '  asked for a refund  ')
    expect(mark.text).toBe('asked for a refund')
    tick(9_000)
    expect(services.calls.undo()).toMatchObject({ id: mark.id })
    expect(kinds()).toEqual(['call-started', 'venting'])
    // "venting" is 11 s old now: nothing is left to undo.
    expectError(() => services.calls.undo(), 'not-found')
    const late = services.calls.log('resolved', 'window')
    tick(10_001)
    expectError(() => services.calls.undo(late.id), 'conflict')
    expect(kinds()).toEqual(['call-started', 'venting', 'resolved'])
  })

  it('refuses to undo a call start or end', () => {
    const state = services.calls.start({ source: 'window' })
    expectError(() => services.calls.undo(state.recent[0]!.id), 'conflict')
  })

  it('refuses an unknown event kind, a second open call, and ending with no call, writing nothing', () => {
    const count = () =>
      services.db.prepare('SELECT (SELECT count(*) FROM calls) + (SELECT count(*) FROM events) AS n').get()
    const before = count()
    expectError(() => services.calls.log('shouting', 'window'), 'invalid-request')
    expectError(() => services.calls.log('call-started', 'window'), 'invalid-request')
    expectError(() => services.calls.end('window'), 'conflict')
    expect(count()).toEqual(before)
    services.calls.start({ source: 'window' })
    const middle = count()
    expectError(() => services.calls.start({ source: 'hotkey' }), 'conflict')
    expect(count()).toEqual(middle)
  })

  it('accepts event kinds a deck adds, and marks hard ones', () => {
    services.decks.import(
      JSON.stringify({
        format: 'calmdeck.deck',
        version: 1,
        id: 'team',
        name: { en: 'Team' },
        defaultLocale: 'en',
        cards: [{ id: 'a', kind: 'phase', title: { en: 'A' }, prompt: { en: 'A' }, phrases: [{ en: 'A' }] }],
        eventKinds: [
          { id: 'refund-approved', label: { en: 'Refund approved' } },
          { id: 'legal-threat', label: { en: 'Legal threat' }, hard: true },
        ],
      }),
    )
    services.calls.log('refund-approved', 'window')
    expect(services.calls.current().call?.hard).toBe(false)
    services.calls.log('legal-threat', 'window')
    expect(services.calls.current().call?.hard).toBe(true)
  })

  it('never dates an event before its call, even if the clock jumps back', () => {
    services.calls.start({ source: 'window' })
    tick(-60_000)
    expect(services.calls.log('venting', 'window').at).toBe(T0)
  })

  it('announces every change with the current call state', () => {
    services.calls.start({ source: 'window' })
    services.calls.log('venting', 'window')
    const changes = services.events.filter((item) => item.event === 'calls:changed')
    expect(changes).toHaveLength(2)
    expect(changes[1]?.data).toEqual(services.calls.current())
  })

  it('announces after each change exactly the state as stored, through logs, a hard kind, undo, a caller, a cue and a new call', () => {
    const announced = () => services.events.filter((item) => item.event === 'calls:changed').at(-1)?.data
    const steps: (() => unknown)[] = [
      () => services.calls.start({ source: 'window' }),
      ...Array.from(
        { length: 7 },
        (_, i) => () => services.calls.log(i === 6 ? 'anger-rising' : 'mark', 'hotkey', `n${i}`),
      ),
      () => services.calls.undo(),
      () => services.calls.log('mark', 'window'),
      () => services.calls.attach(services.calls.current().call!.id, 'ext-1', '+31 20 555 9876'),
      () => services.calls.log('mark', 'window'),
      () => services.calls.logCue(services.calls.current().call!.id, 'caller-voice-raised'),
      () => services.calls.log('mark', 'window'),
      () => services.calls.end('window'),
      () => services.calls.log('mark', 'hotkey'),
      () => services.calls.log('mark', 'hotkey'),
    ]
    for (const step of steps) {
      tick(1_000)
      step()
      expect(announced()).toEqual(services.calls.current())
    }
    expect(services.calls.current().call).toMatchObject({ hard: false })
  })

  it('lists calls in a range, newest first', () => {
    for (let i = 0; i < 3; i++) {
      services.calls.start({ source: 'window' })
      tick(60_000)
      services.calls.end('window')
      tick(60_000)
    }
    const all = services.calls.list(T0, T0 + 10 * 60_000)
    expect(all.map((call) => call.startedAt)).toEqual([T0 + 240_000, T0 + 120_000, T0])
    expect(services.calls.list(T0 + 1, T0 + 200_000).map((call) => call.startedAt)).toEqual([T0 + 120_000])
  })
})

describe('storedCaller', () => {
  it('stores nothing, the last four digits, or the number as given', () => {
    expect(storedCaller('+385 91 234 5678', 'off')).toBeNull()
    expect(storedCaller('+385 91 234 5678', 'last4')).toBe('…5678')
    expect(storedCaller('sip:0612345678@pbx.local', 'last4')).toBe('…5678')
    expect(storedCaller('+385 91 234 5678', 'full')).toBe('+385 91 234 5678')
    expect(storedCaller('   ', 'full')).toBeNull()
    expect(storedCaller('anonymous', 'last4')).toBeNull()
    expect(storedCaller(undefined, 'full')).toBeNull()
  })
})
