import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { diagnosticsFileSchema } from '../../../shared/about'
import { defaultSettings } from '../../../shared/settings-defaults'
import { maskSettings } from '../../../electron/services/support/diagnostics'
import { ErrorRing } from '../../../electron/services/support/error-ring'
import { ManagedPolicy } from '../../../electron/services/policy/managed-policy'
import { parsePolicy } from '../../../shared/policy'
import { testServices, type TestServices } from '../../helpers/services'

const NOTE = 'Caller Marta Kovač shouted about invoice 4411'
const NUMBER = '+31 20 555 1234'
const DIGITS = '205551234'

let services: TestServices
beforeEach(() => {
  services = testServices()
})
afterEach(() => services.dispose())

/** Everything the agent could have typed or the softphone reported, put in on purpose. */
function fillWithPersonalData(): void {
  services.settings.update({ callerNumber: 'full', exportFolder: path.join(os.homedir(), 'reports') })
  const { call } = services.calls.start({ source: 'window', number: NUMBER, direction: 'inbound' })
  services.actions.perform('log:mark', 'window', `${NOTE} ${NUMBER}`)
  services.notes.save({
    callId: call!.id,
    whatHappened: NOTE,
    callerWants: `call back on ${NUMBER}`,
    resolved: '',
    freeText: NOTE,
    items: [],
  })
  // An error whose message echoes the note: only its name may be kept.
  services.errors.note('internal error on notes:save', new TypeError(`${NOTE} ${NUMBER}`))
}

describe('the Diagnostics export', () => {
  it('has versions, masked settings, integration states and recent error names', async () => {
    fillWithPersonalData()
    const answer = await services.dispatch('diagnostics:export', {})
    expect(answer.ok).toBe(true)
    const file = diagnosticsFileSchema.parse(answer.ok ? answer.value : null)
    expect(file.fileName).toMatch(/^calmdeck-diagnostics-\d{4}-\d\d-\d\d-\d\d-\d\d-\d\d\.json$/)
    const report = JSON.parse(file.text)
    expect(report).toMatchObject({
      format: 'calmdeck.diagnostics',
      version: 'test',
      host: 'web',
      versions: { node: process.versions.node, sqlite: expect.stringMatching(/^3\./) },
      storage: { calls: 1, notes: 1, schemaVersion: expect.any(Number) },
      settings: { callerNumber: 'full', exportFolder: path.join('~', 'reports') },
      recentErrors: [{ where: 'internal error on notes:save', name: 'TypeError' }],
    })
    expect(report.integrations.map((source: { id: string }) => source.id).length).toBeGreaterThan(0)
    for (const source of report.integrations) expect(['off', 'on', 'waiting', 'error']).toContain(source.state)
  })

  it('holds no note text, caller number, name or home folder', async () => {
    fillWithPersonalData()
    const answer = await services.dispatch('diagnostics:export', {})
    const text = answer.ok ? diagnosticsFileSchema.parse(answer.value).text : ''
    expect(text.length).toBeGreaterThan(200)
    for (const secret of [NOTE, 'Marta', 'Kovač', 'invoice', NUMBER, '555 1234', '1234', os.homedir()]) {
      expect(text, secret).not.toContain(secret)
    }
    expect(text.replace(/\D/g, '')).not.toContain(DIGITS)
  })

  it("never holds the team channel's URL or secret (the agent's in team.endpoint, or the policy's)", async () => {
    const URL_PATH = 'workflows/8f3a1c/triggers/manual/paths/invoke?sig=QmFzZTY0U2ln'
    const SECRET = 'hmac-secret-7d41'
    services.team.setEndpoint({ kind: 'webhook', url: `https://hooks.example.org/${URL_PATH}`, secret: SECRET })
    expect(services.db.prepare("SELECT value FROM settings WHERE key = 'team.endpoint'").get()).toBeDefined()
    const managed = testServices(Date.now, undefined, {
      policy: new ManagedPolicy(
        parsePolicy({
          teamChannelKind: 'webhook',
          teamChannelUrl: `https://it.example.org/${URL_PATH}`,
          teamChannelSecret: SECRET,
        }).policy,
      ),
    })
    try {
      for (const host of [services, managed]) {
        const answer = await host.dispatch('diagnostics:export', {})
        const text = answer.ok ? diagnosticsFileSchema.parse(answer.value).text : ''
        expect(text.length).toBeGreaterThan(200)
        for (const secret of [URL_PATH, '8f3a1c', 'QmFzZTY0U2ln', SECRET]) expect(text, secret).not.toContain(secret)
      }
    } finally {
      managed.dispose()
    }
  })
})

describe('masking settings', () => {
  it('shows secrets only as set or not set and URLs only by origin', () => {
    const settings = {
      ...defaultSettings,
      teamChannelSecret: 's3cr3t-value',
      apiToken: '',
      teamChannelUrl: 'https://hooks.example.org/services/T000/B000/XXXX?key=abc',
    }
    const masked = maskSettings(settings, '/home/jan')
    expect(masked).toMatchObject({ teamChannelSecret: '[set]', apiToken: '[not set]' })
    expect(masked.teamChannelUrl).toBe('https://hooks.example.org/…')
    expect(JSON.stringify(masked)).not.toContain('s3cr3t')
    expect(masked.theme).toBe(defaultSettings.theme)
  })
})

describe('the error ring', () => {
  it('keeps the last errors by name only, oldest first', () => {
    let now = 0
    const ring = new ErrorRing(() => now++, 3)
    const lines = ['a', 'b', 'c', 'd'].map((where) => ring.note(where, new RangeError('0612345678')))
    expect(lines[0]).toBe('a: RangeError')
    expect(ring.recent().map((record) => record.where)).toEqual(['b', 'c', 'd'])
    expect(JSON.stringify(ring.recent())).not.toContain('0612345678')
  })
})
