import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SettingsService } from '../../../electron/services/settings/settings-service'
import type { Settings } from '../../../shared/settings'
import { testServices, type TestServices } from '../../helpers/services'

let services: TestServices
beforeEach(() => {
  services = testServices()
})
afterEach(() => services.dispose())

describe('SettingsService', () => {
  it('tells its listener which settings an update changed', () => {
    const told: (keyof Settings)[][] = []
    const settings = new SettingsService(services.store, (_value, changed) => told.push([...changed].sort()))
    settings.update({ recoveryMinutes: 7 })
    settings.update({ recoveryMinutes: 7 })
    settings.update({ hotkeys: { 'log:mark': 'CommandOrControl+Alt+Shift+F9' }, recoveryMinutes: 8 })
    settings.update({ hotkeys: { 'log:mark': 'CommandOrControl+Alt+Shift+F9' } })
    expect(told).toEqual([['recoveryMinutes'], [], ['hotkeys', 'recoveryMinutes'], []])
  })

  it('makes the app services bind hotkeys again only when hotkeys changed', async () => {
    const statuses = () => services.events.filter((item) => item.event === 'hotkeys:changed').length
    const before = statuses()
    expect((await services.dispatch('settings:update', { recoveryMinutes: 9 })).ok).toBe(true)
    expect(statuses()).toBe(before)
    const hotkeys = { 'log:mark': 'CommandOrControl+Alt+Shift+F9' }
    expect((await services.dispatch('settings:update', { hotkeys })).ok).toBe(true)
    expect(statuses()).toBe(before + 1)
    expect((await services.dispatch('settings:update', { hotkeys })).ok).toBe(true)
    expect(statuses()).toBe(before + 1)
  })
})
