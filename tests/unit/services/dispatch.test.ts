import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { channels } from '../../../shared/channels'
import { contract } from '../../../shared/contract'
import { errorCodes, type Result } from '../../../shared/result'
import { defaultSettings } from '../../../shared/settings-defaults'
import { testServices, type TestServices } from '../../helpers/services'

let services: TestServices
beforeAll(() => (services = testServices()))
afterAll(() => services.dispose())

const totalChanges = () => (services.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n

function expectResultShape(result: Result<unknown>): void {
  expect(typeof result.ok).toBe('boolean')
  if (!result.ok) {
    expect(errorCodes).toContain(result.error.code)
    expect(typeof result.error.message).toBe('string')
  }
}

describe('dispatch', () => {
  it.each(channels)('%s: any malformed payload gets a typed error and writes nothing', async (channel) => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withObjectString: true, withNullPrototype: true }), async (payload) => {
        fc.pre(!contract[channel].request.safeParse(payload).success)
        const before = totalChanges()
        const result = await services.dispatch(channel, payload)
        expect(result.ok).toBe(false)
        if (!result.ok) expect(result.error.code).toBe('invalid-request')
        expect(totalChanges()).toBe(before)
      }),
      { numRuns: 150 },
    )
  })

  it('rejects unknown channels, whatever they are', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.anything()), fc.anything(), async (channel, payload) => {
        fc.pre(!(channels as readonly unknown[]).includes(channel))
        const result = await services.dispatch(channel, payload)
        expect(result).toMatchObject({ ok: false, error: { code: 'unknown-channel' } })
      }),
      { numRuns: 200 },
    )
  })

  it('answers every well-formed request with the response its schema promises', async () => {
    const requests = {
      'app:info': {},
      'settings:get': {},
      'settings:update': { theme: 'dark' },
      'deck:get': {},
      'deck:import': { text: '{}' },
      'deck:export': {},
      'deck:reset': {},
      'actions:perform': { action: 'log:mark', text: 'first' },
      'calls:current': {},
      'calls:list': { from: 0, to: Date.parse('2030-01-01') },
      'calls:timeline': { callId: 1 },
      'events:undo': { eventId: 2 },
      'hotkeys:status': {},
      'notes:get': { id: 1 },
      'notes:for-call': { callId: 1 },
      'notes:save': { callId: null, whatHappened: 'x', callerWants: '', resolved: '', freeText: '', items: [] },
      'notes:search': { query: 'x' },
      'app:flushed': { requestId: 1 },
      'recovery:current': {},
      'recovery:start': { minutes: 5 },
      'recovery:decline': {},
      'recovery:pause': {},
      'recovery:resume': {},
      'recovery:extend': { minutes: 1 },
      'recovery:end': {},
      'day:summary': { from: 0, to: Date.parse('2030-01-01') },
      'export:preview': {},
      'export:run': {
        range: { from: 0, to: 1000 },
        formats: ['json'],
        folder: services.dir,
        remark: '',
        redact: false,
      },
      'export:choose-folder': {},
      'export:reveal': { path: '/not/exported.pdf' },
      'backups:state': {},
      'backups:create': {},
      'backups:restore': { name: 'calmdeck-2026-11-22T10-00-00-000Z-daily.sqlite3' },
      'calls:pin': { callId: 1, pinned: true },
      'data:export': {},
      'data:import': { text: '{}' },
      'data:delete-all': { confirm: 'delete all my data' },
      'team:state': {},
      'team:set-endpoint': { kind: null },
      'team:help': { text: 'please join', includeNote: false },
      'team:test': {},
      'team:retry': { id: 1 },
      'team:drop': { id: 1 },
      'mic:state': {},
      'mic:answer': { kind: 'phone', app: 'microsip.exe', answer: 'later' },
      'about:get': {},
      'about:open-data-dir': {},
      'diagnostics:export': {},
      'team-report:preview': { folder: services.dir, from: 0, to: 1000 },
      'team-report:write': { folder: services.dir, from: 0, to: 1000, format: 'md', out: '/no/such/folder' },
      'cues:caller-raised': { callId: 999 },
      'cues:save': {
        callId: 999,
        figures: {
          durationMs: 10_000,
          youMs: 4_000,
          callerMs: 5_000,
          silenceMs: 1_500,
          overlapMs: 500,
          talkOvers: 1,
          callerLongestMs: 3_000,
          callerRaisedMs: 0,
          youRaisedMs: 0,
        },
      },
      'cues:for-call': { callId: 999 },
    } as const
    // Well-formed, but refused by the service: the error is typed too.
    const refusals: Partial<Record<(typeof channels)[number], string>> = {
      'deck:import': 'invalid-deck',
      'notes:get': 'not-found',
      'recovery:decline': 'conflict',
      'export:reveal': 'not-found',
      'backups:restore': 'not-found',
      'data:import': 'invalid-request',
      // No team channel is set up, so nothing is queued: nothing to retry or drop either.
      'team:help': 'conflict',
      'team:test': 'conflict',
      'team:retry': 'conflict',
      'team:drop': 'conflict',
      'mic:answer': 'unavailable',
      'team-report:write': 'not-found',
      // No such call: nothing to log on, nothing to store figures for.
      'cues:caller-raised': 'conflict',
      'cues:save': 'not-found',
    }
    for (const channel of channels) {
      const result = await services.dispatch(channel, requests[channel])
      expectResultShape(result)
      const refusal = refusals[channel]
      if (refusal) {
        expect(result, channel).toMatchObject({ ok: false, error: { code: refusal } })
      } else {
        expect(result.ok, channel).toBe(true)
        if (result.ok) expect(contract[channel].response.safeParse(result.value).success, channel).toBe(true)
      }
    }
  })

  it('refuses prototype-pollution keys and leaves Object.prototype alone', async () => {
    const payloads = [
      JSON.parse('{"__proto__": {"polluted": true}}'),
      JSON.parse('{"theme": "dark", "__proto__": {"polluted": true}}'),
      JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
    ]
    for (const payload of payloads) {
      const result = await services.dispatch('settings:update', payload)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a huge deck file before parsing it', async () => {
    const result = await services.dispatch('deck:import', { text: 'x'.repeat(600 * 1024) })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    if (!result.ok) expect(result.error.issues?.[0]?.path).toBe('text')
  })

  it('validates settings values and keeps the stored ones on failure', async () => {
    const before = await services.dispatch('settings:get', {})
    for (const bad of [
      { opacity: 0.1 },
      { opacity: 2 },
      { locale: 'de' },
      { theme: 'blue' },
      {},
      { alwaysOnTop: 'yes' },
    ]) {
      expect(await services.dispatch('settings:update', bad)).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      })
    }
    expect(await services.dispatch('settings:get', {})).toEqual(before)
  })

  it('turns an unexpected failure into a generic error without details', async () => {
    const broken = testServices()
    broken.db.exec('DROP TABLE settings')
    const result = await broken.dispatch('settings:update', { theme: 'light' })
    expect(result).toEqual({
      ok: false,
      error: { code: 'storage', message: 'The change could not be saved to the database.' },
    })
    broken.dispose()
  })
})

describe('settings', () => {
  it('stores a change, announces it and returns the full settings', async () => {
    const local = testServices()
    const result = await local.dispatch('settings:update', { locale: 'hr', opacity: 0.8 })
    expect(result).toEqual({ ok: true, value: { ...defaultSettings, locale: 'hr', opacity: 0.8 } })
    expect(local.events.filter((item) => item.event === 'settings:changed')).toEqual([
      { event: 'settings:changed', data: result.ok ? result.value : null },
    ])
    expect(local.settings.get().locale).toBe('hr')
    local.dispose()
  })
})
