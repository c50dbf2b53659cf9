import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  ADOPT_WINDOW_MS,
  CallEventIngest,
  DUPLICATE_WINDOW_MS,
  NOTE_END_ONLY,
  NOTE_REPLACED,
  type IngestEvent,
} from '../../../electron/services/integrations/call-event-ingest'
import { testServices, type TestServices } from '../../helpers/services'

const T0 = Date.parse('2026-11-22T09:00:00Z')
let clock = T0
let services: TestServices
let ingest: CallEventIngest
let performed: string[]
let shown: number
let logs: string[]

beforeEach(() => {
  clock = T0
  services = testServices(() => clock)
  performed = []
  shown = 0
  logs = []
  ingest = new CallEventIngest({
    calls: services.calls,
    now: () => clock,
    onPerformed: (action, outcome) => performed.push(`${action}:${outcome.type}`),
    onCallStarted: () => shown++,
    log: (line) => logs.push(line),
  })
})
afterEach(() => services.dispose())

const tick = (ms: number) => (clock += ms)
const send = (event: Partial<IngestEvent> & Pick<IngestEvent, 'type'>) => ingest.ingest({ origin: 'baresip', ...event })
const allCalls = () => services.calls.list(0, Number.MAX_SAFE_INTEGER)
const timeline = (id: number) => services.calls.timeline(id).events.map((event) => [event.kind, event.text])

describe('CallEventIngest', () => {
  it('opens a call on answered and closes it on ended, with the caller as the setting allows', () => {
    expect(send({ type: 'incoming', number: 'sip:+31205550123@pbx', externalId: 'a' })).toEqual({
      result: 'ringing',
      callId: null,
    })
    expect(allCalls()).toHaveLength(0)
    tick(3000)
    const started = send({ type: 'answered', externalId: 'a' })
    expect(started.result).toBe('started')
    // Number and direction come from the ringing report.
    expect(services.calls.current().call).toMatchObject({
      caller: '…0123',
      direction: 'inbound',
      source: 'integration',
    })
    expect(shown).toBe(1)
    tick(60_000)
    expect(send({ type: 'ended', externalId: 'a' })).toEqual({ result: 'ended', callId: started.callId })
    expect(allCalls()[0]).toMatchObject({ startedAt: T0 + 3000, endedAt: T0 + 63_000 })
    expect(performed).toEqual(['call-start:call-started', 'call-end:call-ended'])
  })

  it('does not log numbers or ids', () => {
    send({ type: 'answered', number: '0612345678', externalId: 'call-id-secret' })
    send({ type: 'ended', externalId: 'call-id-secret' })
    expect(logs.join('\n')).not.toMatch(/0612345678|secret|5678/)
    expect(logs).toEqual(['call event answered from baresip: started', 'call event ended from baresip: ended'])
  })

  it('treats the same call reported by two sources as one call', () => {
    send({ type: 'answered', origin: 'baresip', externalId: 'sip-1', number: 'sip:0612345678@pbx' })
    tick(400)
    expect(send({ type: 'answered', origin: 'command-line', number: '0612345678' }).result).toBe('duplicate')
    tick(60_000)
    expect(send({ type: 'ended', origin: 'baresip', externalId: 'sip-1' }).result).toBe('ended')
    tick(300)
    expect(send({ type: 'ended', origin: 'command-line' }).result).toBe('duplicate')
    expect(allCalls()).toHaveLength(1)
    expect(performed).toEqual(['call-start:call-started', 'call-end:call-ended'])
  })

  it('recognises a repeat by id however late, and fills in what the first report lacked', () => {
    const first = send({ type: 'answered', origin: 'local-api', externalId: 'x' })
    tick(DUPLICATE_WINDOW_MS * 4)
    expect(send({ type: 'answered', origin: 'local-api', externalId: 'x', number: '0205550123' })).toEqual({
      result: 'duplicate',
      callId: first.callId,
    })
    expect(services.calls.current().call?.caller).toBe('…0123')
    send({ type: 'ended', origin: 'local-api', externalId: 'x' })
    tick(DUPLICATE_WINDOW_MS * 4)
    expect(send({ type: 'ended', origin: 'local-api', externalId: 'x' }).result).toBe('duplicate')
    expect(send({ type: 'answered', origin: 'local-api', externalId: 'x' }).result).toBe('duplicate')
    expect(allCalls()).toHaveLength(1)
  })

  it('ends the open call with a note when a different call is answered', () => {
    const first = send({ type: 'answered', externalId: 'one' })
    tick(DUPLICATE_WINDOW_MS + 1)
    const second = send({ type: 'answered', externalId: 'two' })
    expect(second.result).toBe('started')
    expect(timeline(first.callId ?? 0)).toEqual([
      ['call-started', null],
      ['call-ended', NOTE_REPLACED],
    ])
    // The first call's late end (same source, other id) leaves the second call alone.
    expect(send({ type: 'ended', externalId: 'one' }).result).toBe('ignored')
    expect(services.calls.current().call?.id).toBe(second.callId)
  })

  it('adopts a call the agent started by hand a moment before', () => {
    services.calls.start({ source: 'hotkey' })
    services.calls.log('venting', 'hotkey')
    tick(20_000)
    const adopted = send({ type: 'answered', externalId: 'a', number: '0612345678' })
    expect(adopted.result).toBe('adopted')
    expect(allCalls()).toHaveLength(1)
    expect(services.calls.current().call).toMatchObject({ source: 'hotkey', caller: '…5678' })
    expect(send({ type: 'ended', externalId: 'a' }).result).toBe('ended')
  })

  it('does not adopt a hand-started call left open for long: it is ended first', () => {
    services.calls.start({ source: 'window' })
    tick(ADOPT_WINDOW_MS + 1)
    expect(send({ type: 'answered' }).result).toBe('started')
    expect(allCalls()).toHaveLength(2)
  })

  it('records a call it only saw end, with a note, and counts a repeat of that end once', () => {
    const recorded = send({ type: 'ended', origin: 'command-line', number: '0612345678' })
    expect(recorded.result).toBe('recorded')
    expect(allCalls()[0]).toMatchObject({ id: recorded.callId, startedAt: T0, endedAt: T0, caller: '…5678' })
    expect(timeline(recorded.callId ?? 0)).toEqual([
      ['call-started', NOTE_END_ONLY],
      ['call-ended', null],
    ])
    tick(1000)
    expect(send({ type: 'ended', origin: 'baresip' }).result).toBe('duplicate')
    expect(performed).toEqual(['call-end:call-ended'])
  })

  it('counts a call that only rang as missed, and records nothing', () => {
    send({ type: 'incoming', externalId: 'r1', number: '0612345678' })
    tick(20_000)
    expect(send({ type: 'failed', externalId: 'r1' }).result).toBe('missed')
    send({ type: 'incoming', origin: 'command-line' })
    expect(send({ type: 'ended', origin: 'command-line' }).result).toBe('missed')
    expect(send({ type: 'failed' }).result).toBe('ignored')
    expect(allCalls()).toHaveLength(0)
    expect(performed).toEqual([])
  })

  it('keeps the open call when a second line rings and is rejected', () => {
    const open = send({ type: 'answered', externalId: 'a' })
    tick(30_000)
    send({ type: 'incoming', externalId: 'b' })
    expect(send({ type: 'failed', externalId: 'b' }).result).toBe('missed')
    send({ type: 'incoming', externalId: 'c' })
    expect(send({ type: 'ended', externalId: 'c' }).result).toBe('missed')
    expect(services.calls.current().call?.id).toBe(open.callId)
  })

  it('forgets ringing calls after a while', () => {
    send({ type: 'incoming', number: '0612345678' })
    tick(10 * 60_000)
    send({ type: 'answered' })
    expect(services.calls.current().call?.caller).toBeNull()
  })
})
