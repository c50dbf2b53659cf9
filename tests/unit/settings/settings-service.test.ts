import { afterEach, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../electron/services/app-services'
import type { KeyPlatform } from '../../../shared/accelerator'
import { tempDir } from '../../helpers/temp-dir'

const open: { services: AppServices; cleanup: () => void }[] = []
afterEach(() => {
  for (const { services, cleanup } of open.splice(0)) {
    services.close()
    cleanup()
  }
})

function servicesOn(platform: KeyPlatform): AppServices {
  const folder = tempDir()
  const services = createAppServices({ dataDir: folder.dir, host: 'web', platform, version: 'test' })
  open.push({ services, cleanup: folder.cleanup })
  return services
}

describe('hotkey settings: two actions on the same keys', () => {
  it('refuses ⌘ spelled another way on macOS, where CommandOrControl is ⌘', async () => {
    const result = await servicesOn('mac').dispatch('settings:update', {
      hotkeys: { 'log:mark': 'Command+Alt+Shift+B' },
    })
    expect(result).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'Command+Alt+Shift+B is already used for log:boundary-warning' }] },
    })
  })

  it('keeps ⌃ apart from ⌘ on macOS and Super apart from Ctrl elsewhere', async () => {
    const mac = await servicesOn('mac').dispatch('settings:update', { hotkeys: { 'log:mark': 'Control+Alt+Shift+B' } })
    expect(mac.ok).toBe(true)
    const linux = servicesOn('linux')
    expect((await linux.dispatch('settings:update', { hotkeys: { 'log:mark': 'Super+Alt+Shift+B' } })).ok).toBe(true)
    expect(linux.settings.get().hotkeys['log:mark']).toBe('Super+Alt+Shift+B')
    const refused = await linux.dispatch('settings:update', { hotkeys: { 'log:mark': 'Ctrl+Alt+Shift+B' } })
    expect(refused.ok).toBe(false)
  })

  it('tells the window which platform names the keys', async () => {
    expect(await servicesOn('windows').dispatch('app:info', {})).toMatchObject({
      ok: true,
      value: { platform: 'windows' },
    })
  })
})
