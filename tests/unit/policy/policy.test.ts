import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ManagedPolicy } from '../../../electron/services/policy/managed-policy'
import { loadPolicyFile } from '../../../electron/services/policy/policy-file'
import { USER_SETTINGS_KEY } from '../../../electron/services/settings/settings-service'
import { defaultDeck } from '../../../shared/default-deck'
import { parsePolicy } from '../../../shared/policy'
import type { TeamState } from '../../../shared/team'
import { testServices, type TestServices } from '../../helpers/services'
import { teamReceiver } from '../../helpers/team-receiver'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

function withPolicy(raw: unknown): TestServices {
  const { policy, issues } = parsePolicy(raw)
  const services = testServices(Date.now, undefined, {
    policy: new ManagedPolicy(policy, issues),
    teamBackoff: { firstMs: 50, maxMs: 200 },
  })
  cleanups.push(() => services.dispose())
  return services
}

const storedRow = (services: TestServices): string | undefined =>
  services.db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(USER_SETTINGS_KEY)
    ?.value

describe('parsePolicy', () => {
  it('keeps the valid entries and reports every other one with its path', () => {
    const { policy, issues } = parsePolicy({
      defaults: { recoveryMinutes: 7, opacity: 9 },
      locked: { theme: 'dark', callerNumber: 'sometimes', nonsense: true },
      retentionDays: -1,
      teamFolder: '/srv/team',
      microphoneApps: { 'microsip.exe': 'phone', 'zoom.exe': 'maybe' },
      colour: 'blue',
    })
    expect(policy).toEqual({
      defaults: { recoveryMinutes: 7 },
      locked: { theme: 'dark' },
      teamFolder: '/srv/team',
    })
    expect(issues.map((issue) => issue.path).sort()).toEqual(
      [
        'defaults.opacity',
        'locked.callerNumber',
        'locked.nonsense',
        'retentionDays',
        'microphoneApps.zoom.exe',
        'colour',
      ].sort(),
    )
  })

  it('accepts "$schema" (for editors) without reporting it', () => {
    expect(parsePolicy({ $schema: './policy.schema.json', retentionDays: 30 })).toEqual({
      policy: { retentionDays: 30 },
      issues: [],
    })
  })

  it('refuses a policy that is not an object', () => {
    expect(parsePolicy([1, 2]).issues).toEqual([{ path: '(root)', message: 'must be a JSON object' }])
  })
})

describe('loadPolicyFile', () => {
  it('reads a real file: none is no policy, bad JSON an issue, a good one applies', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = path.join(dir, 'policy.json')
    expect(loadPolicyFile(file).view()).toEqual({
      locked: [],
      micApps: [],
      teamChannel: false,
      deck: false,
      issues: [],
    })
    fs.writeFileSync(file, '{"locked": {"theme": "dark"')
    expect(loadPolicyFile(file).issues).toEqual([{ path: '(root)', message: 'is not valid JSON' }])
    fs.writeFileSync(file, '\uFEFF{"locked": {"theme": "dark"}, "retentionDays": 30}')
    expect(loadPolicyFile(file).view()).toMatchObject({ locked: ['retentionDays', 'theme'], issues: [] })
  })

  it('reports a team channel URL that breaks the https rule without repeating it', () => {
    const policy = new ManagedPolicy(
      parsePolicy({ teamChannelKind: 'slack', teamChannelUrl: 'http://hooks.example.org/T0/SECRETPATH' }).policy,
    )
    expect(policy.endpoint).toBeNull()
    expect(policy.issues).toHaveLength(1)
    expect(policy.issues[0]!.path).toBe('teamChannelUrl')
    expect(JSON.stringify(policy.issues)).not.toContain('SECRETPATH')
  })
})

describe('settings under a policy', () => {
  it('presets defaults the agent may change and refuses changing a locked one, writing nothing', async () => {
    const services = withPolicy({ defaults: { recoveryMinutes: 7 }, locked: { theme: 'dark' }, retentionDays: 90 })
    expect(services.settings.get()).toMatchObject({ recoveryMinutes: 7, theme: 'dark', retentionDays: 90 })

    expect(await services.dispatch('settings:update', { recoveryMinutes: 3 })).toMatchObject({ ok: true })
    const before = storedRow(services)
    const refused = await services.dispatch('settings:update', { theme: 'light', opacity: 0.5 })
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', issues: [{ path: 'theme' }] } })
    expect(await services.dispatch('settings:update', { retentionDays: 0 })).toMatchObject({
      ok: false,
      error: { code: 'locked', issues: [{ path: 'retentionDays' }] },
    })
    expect(storedRow(services)).toBe(before)
    expect(services.settings.get()).toMatchObject({ recoveryMinutes: 3, theme: 'dark', opacity: 1, retentionDays: 90 })
    // Repeating a locked value (a full form sent back) is not a change.
    expect(await services.dispatch('settings:update', { theme: 'dark', opacity: 0.8 })).toMatchObject({ ok: true })
    expect(services.info.policy.locked).toEqual(['retentionDays', 'theme'])
  })

  it('IT can forbid the live call cues: locked off, turning them on is refused and nothing is stored', async () => {
    const services = withPolicy({ locked: { cuesEnabled: false } })
    const before = storedRow(services)
    expect(await services.dispatch('settings:update', { cuesEnabled: true })).toMatchObject({
      ok: false,
      error: { code: 'locked', issues: [{ path: 'cuesEnabled' }] },
    })
    expect(services.settings.get().cuesEnabled).toBe(false)
    expect(storedRow(services)).toBe(before)
    expect(services.info.policy.locked).toEqual(['cuesEnabled'])
  })

  it('locks the team folder over what the agent had stored before', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const first = testServices(Date.now, dir)
    first.settings.update({ teamFolder: '/home/agent/mine' })
    first.dispose()
    const services = testServices(Date.now, dir, {
      policy: new ManagedPolicy(parsePolicy({ teamFolder: '/srv/team' }).policy),
    })
    cleanups.push(() => services.dispose())
    expect(services.settings.get().teamFolder).toBe('/srv/team')
    expect(await services.dispatch('settings:update', { teamFolder: '' })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    })
  })

  it("presets microphone answers: IT's entries win, the agent's others stay theirs", async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const first = testServices(Date.now, dir)
    first.settings.update({ micApps: { 'microsip.exe': 'not-phone', 'zoom.exe': 'not-phone' } })
    first.dispose()
    const services = testServices(Date.now, dir, {
      policy: new ManagedPolicy(parsePolicy({ microphoneApps: { 'microsip.exe': 'phone' } }).policy),
    })
    cleanups.push(() => services.dispose())
    expect(services.settings.get().micApps).toEqual({ 'microsip.exe': 'phone', 'zoom.exe': 'not-phone' })

    const mine = { ...services.settings.get().micApps, baresip: 'phone' as const }
    expect(await services.dispatch('settings:update', { micApps: mine })).toMatchObject({ ok: true })
    const refused = await services.dispatch('settings:update', { micApps: { 'zoom.exe': 'phone' } })
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked', issues: [{ path: 'micApps.microsip.exe' }] } })
    expect(services.settings.get().micApps).toEqual({
      'microsip.exe': 'phone',
      'zoom.exe': 'not-phone',
      baresip: 'phone',
    })
    expect(services.info.policy.micApps).toEqual(['microsip.exe'])
  })
})

describe('team channel from the policy', () => {
  it('is used for messages, shown masked and managed, and cannot be replaced', async () => {
    const receiver = await teamReceiver()
    cleanups.push(() => receiver.stop())
    const services = withPolicy({
      teamChannelKind: 'webhook',
      teamChannelUrl: receiver.url,
      teamChannelSecret: 'it-secret-42',
    })
    const state = (await services.dispatch('team:state', {})) as { ok: true; value: TeamState }
    expect(state.value.endpoint).toEqual({
      kind: 'webhook',
      maskedUrl: new URL(receiver.url).origin + '/…',
      hasSecret: true,
      managed: true,
    })
    expect(JSON.stringify(state.value)).not.toContain('secret-path')
    expect(JSON.stringify(services.info)).not.toContain('secret-path')

    const refused = await services.dispatch('team:set-endpoint', { kind: null })
    expect(refused).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(services.db.prepare("SELECT 1 FROM settings WHERE key = 'team.endpoint'").get()).toBeUndefined()

    expect(await services.dispatch('team:test', {})).toMatchObject({ ok: true })
    const [post] = await receiver.waitFor(1)
    expect(post!.path).toBe('/hooks/secret-path-abc123')
    expect(JSON.stringify(post!.headers)).toMatch(/sha256=[0-9a-f]{64}/)
  })
})

describe('deck from the policy', () => {
  const teamDeck = { ...defaultDeck, id: 'team-deck', name: { en: 'Team deck' } }

  it("a path relative to the policy file: used instead of the agent's, import and reset refused", async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    fs.mkdirSync(path.join(dir, 'decks'))
    fs.writeFileSync(path.join(dir, 'decks', 'team.calmdeck.json'), JSON.stringify(teamDeck))
    fs.writeFileSync(path.join(dir, 'policy.json'), JSON.stringify({ deck: 'decks/team.calmdeck.json' }))
    const policy = loadPolicyFile(path.join(dir, 'policy.json'))
    expect(policy.issues).toEqual([])
    const services = testServices(Date.now, undefined, { policy })
    cleanups.push(() => services.dispose())
    expect(services.decks.get()).toMatchObject({ source: 'policy', deck: { id: 'team-deck' } })
    expect(services.info.policy.deck).toBe(true)
    const imported = await services.dispatch('deck:import', { text: JSON.stringify({ ...teamDeck, id: 'mine' }) })
    expect(imported).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(await services.dispatch('deck:reset', {})).toMatchObject({ ok: false, error: { code: 'locked' } })
    expect(services.db.prepare('SELECT COUNT(*) AS n FROM decks').get()).toEqual({ n: 0 })
  })

  it('an inline deck is checked by the deck schema; a bad deck or a missing file is reported and the built-in stays', () => {
    expect(new ManagedPolicy(parsePolicy({ deck: teamDeck }).policy).deck?.id).toBe('team-deck')

    const bad = parsePolicy({ deck: { ...teamDeck, cards: [] }, retentionDays: 30 })
    expect(bad.policy).toEqual({ retentionDays: 30 })
    expect(bad.issues).toContainEqual({ path: 'deck.cards', message: 'needs at least one card' })
    expect(bad.issues.every((issue) => issue.path.startsWith('deck.'))).toBe(true)

    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const file = path.join(dir, 'policy.json')
    fs.writeFileSync(file, JSON.stringify({ deck: 'missing.json' }))
    const missing = loadPolicyFile(file)
    expect(missing.deck).toBeNull()
    expect(missing.issues).toEqual([
      { path: 'deck', message: `${path.join(dir, 'missing.json')} cannot be read (ENOENT)` },
    ])
    fs.writeFileSync(path.join(dir, 'broken.json'), JSON.stringify({ ...teamDeck, version: 2 }))
    fs.writeFileSync(file, JSON.stringify({ deck: 'broken.json' }))
    const broken = loadPolicyFile(file)
    expect(broken.deck).toBeNull()
    expect(broken.issues.map((issue) => issue.path)).toEqual(['deck (broken.json) version'])
    const services = testServices(Date.now, undefined, { policy: broken })
    cleanups.push(() => services.dispose())
    expect(services.decks.get().source).toBe('default')
  })
})

describe('export choices under a policy', () => {
  it('forced masking: an unmasked run is refused with nothing written; a masked one is written and remembered without a lock error', async () => {
    const services = withPolicy({ locked: { exportRedact: true } })
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const run = (redact: boolean) =>
      services.dispatch('export:run', {
        range: { from: Date.now() - 3_600_000, to: Date.now() + 3_600_000 },
        formats: ['json'],
        folder: dir,
        remark: '',
        redact,
        force: false,
      })
    expect(await run(false)).toMatchObject({ ok: false, error: { code: 'locked', issues: [{ path: 'redact' }] } })
    expect(fs.readdirSync(dir)).toEqual([])
    expect(await run(true)).toMatchObject({ ok: true })
    expect(fs.readdirSync(dir)).toHaveLength(1)
    expect(services.settings.get()).toMatchObject({ exportRedact: true, exportFolder: dir, exportFormats: ['json'] })
  })
})
