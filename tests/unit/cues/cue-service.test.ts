import Database from 'better-sqlite3'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DB_FILE } from '../../../electron/services/storage/database'
import type { CallCueFigures } from '../../../shared/cues/engine'
import { testServices, type TestServices } from '../../helpers/services'

const T0 = Date.parse('2026-11-22T09:00:00Z')
let clock = T0
let services: TestServices
beforeEach(() => {
  clock = T0
  services = testServices(() => clock)
})
afterEach(() => services.dispose())

const figures: CallCueFigures = {
  durationMs: 60_000,
  youMs: 20_000,
  callerMs: 35_000,
  silenceMs: 8_000,
  overlapMs: 3_000,
  talkOvers: 2,
  callerLongestMs: 31_000,
  callerRaisedMs: 4_200,
  youRaisedMs: 2_400,
}

describe('the cues over the contract', () => {
  it("logs the caller's raised voice on the open call with origin cues, makes it hard, and it can be undone", async () => {
    const callId = services.calls.start({ source: 'window' }).call!.id
    clock += 5_000
    const result = await services.dispatch('cues:caller-raised', { callId })
    expect(result).toMatchObject({
      ok: true,
      value: { callId, kind: 'caller-voice-raised', source: 'cues', at: T0 + 5_000 },
    })
    const eventId = (result as { value: { id: number } }).value.id
    expect(services.calls.current().call?.hard).toBe(true)
    clock += 2_000
    const undone = await services.dispatch('events:undo', { eventId })
    expect(undone).toMatchObject({ ok: true, value: { kind: 'caller-voice-raised' } })
    expect(services.calls.current().call?.hard).toBe(false)
  })

  it('refuses a raised voice for a call that has ended, and never opens a call for it', async () => {
    const callId = services.calls.start({ source: 'window' }).call!.id
    services.calls.end('window')
    const result = await services.dispatch('cues:caller-raised', { callId })
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } })
    expect(services.calls.current().call).toBeNull()
    expect(services.calls.timeline(callId).events.map((event) => event.kind)).toEqual(['call-started', 'call-ended'])
  })

  it("stores a call's figures after it ended, replaces them when sent again, and reads them back", async () => {
    const callId = services.calls.start({ source: 'window' }).call!.id
    services.calls.end('window')
    expect(await services.dispatch('cues:for-call', { callId })).toEqual({ ok: true, value: null })
    expect(await services.dispatch('cues:save', { callId, figures })).toEqual({ ok: true, value: figures })
    const again = { ...figures, talkOvers: 3 }
    await services.dispatch('cues:save', { callId, figures: again })
    expect(await services.dispatch('cues:for-call', { callId })).toEqual({ ok: true, value: again })
  })

  it('refuses figures that cannot be, and changes nothing', async () => {
    const callId = services.calls.start({ source: 'window' }).call!.id
    const bad = [
      { ...figures, youMs: -1 },
      { ...figures, callerMs: 61_000 },
      { ...figures, talkOvers: 1.5 },
      { ...figures, words: 'never' },
    ]
    for (const item of bad) {
      const result = await services.dispatch('cues:save', { callId, figures: item })
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    }
    expect(await services.dispatch('cues:save', { callId: 777, figures })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    const db = new Database(path.join(services.dir, DB_FILE), { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM call_cues').get()).toEqual({ n: 0 })
    db.close()
  })

  it('carries the figures through "Export all my data" and back into an empty CalmDeck', async () => {
    const callId = services.calls.start({ source: 'window' }).call!.id
    await services.dispatch('cues:caller-raised', { callId })
    services.calls.end('window')
    await services.dispatch('cues:save', { callId, figures })
    const exported = JSON.parse(services.personalData.export().text) as {
      callCues: unknown
      events: { source: string }[]
    }
    expect(exported.callCues).toEqual([{ callId, figures }])
    expect(exported.events.some((event) => event.source === 'cues')).toBe(true)

    const other = testServices(() => clock)
    try {
      other.personalData.import(JSON.stringify(exported))
      expect(other.cues.forCall(callId)).toEqual(figures)
      expect(other.calls.timeline(callId).events.find((event) => event.source === 'cues')?.kind).toBe(
        'caller-voice-raised',
      )
    } finally {
      other.dispose()
    }
  })
})
