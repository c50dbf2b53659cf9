import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { SettingsService, USER_SETTINGS_KEY } from '../../../electron/services/settings/settings-service'
import { parsePolicy } from '../../../shared/policy'
import { testServices, type TestServices } from '../../helpers/services'

let services: TestServices
beforeEach(() => {
  services = testServices()
})
afterEach(() => services.dispose())

/** One person, one name: `teamDisplayName` was merged into `agentName`. */
describe('merged settings', () => {
  it('carries a stored team channel name (teamDisplayName) over to agentName when that is empty', () => {
    // As an older CalmDeck stored them, in the real settings table: the two name fields side by side.
    services.store.write(USER_SETTINGS_KEY, { theme: 'dark', teamDisplayName: 'Sanne', agentName: '' })
    const settings = new SettingsService(services.store)
    expect(settings.get()).toMatchObject({ theme: 'dark', agentName: 'Sanne' })
    expect(settings.get()).not.toHaveProperty('teamDisplayName')
    // The next save writes the one name only; the old one is gone for good.
    settings.update({ recoveryMinutes: 6 })
    const stored = services.store.read(USER_SETTINGS_KEY, z.record(z.string(), z.unknown()))
    expect(stored).toMatchObject({ theme: 'dark', agentName: 'Sanne', recoveryMinutes: 6 })
    expect(stored).not.toHaveProperty('teamDisplayName')
  })

  it('keeps agentName when both names were stored', () => {
    services.store.write(USER_SETTINGS_KEY, { teamDisplayName: 'Sam from team B', agentName: 'Ana Kovač' })
    expect(new SettingsService(services.store).get().agentName).toBe('Ana Kovač')
  })

  it('a policy that still names teamDisplayName sets agentName, with no problem reported', () => {
    const { policy, issues } = parsePolicy({ defaults: { teamDisplayName: 'Desk 4' }, locked: { agentName: 'Desk 5' } })
    expect(issues).toEqual([])
    expect(policy).toEqual({ defaults: { agentName: 'Desk 4' }, locked: { agentName: 'Desk 5' } })
  })

  it('an existing data folder with the old name opens with it as agentName', async () => {
    services.store.write(USER_SETTINGS_KEY, { teamDisplayName: 'Sanne', recoveryMinutes: 8 })
    services.close()
    const reopened = testServices(undefined, services.dir)
    try {
      const answer = await reopened.dispatch('settings:get', {})
      expect(answer.ok && answer.value).toMatchObject({ agentName: 'Sanne', recoveryMinutes: 8 })
    } finally {
      reopened.dispose()
    }
  })
})
