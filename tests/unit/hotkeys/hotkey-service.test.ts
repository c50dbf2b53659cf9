import { describe, expect, it } from 'vitest'
import { HotkeyService, type ShortcutRegistrar } from '../../../electron/services/hotkeys/hotkey-service'
import { effectiveHotkeys } from '../../../shared/hotkeys'
import { defaultHotkeys, type ActionId } from '../../../shared/actions'
import { createAppServices } from '../../../electron/services/app-services'
import { tempDir } from '../../helpers/temp-dir'

/** A registrar that refuses the combinations "another program" holds. */
class FakeRegistrar implements ShortcutRegistrar {
  readonly bound = new Map<string, () => void>()
  constructor(private readonly taken: string[] = []) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.includes(accelerator)) return false
    this.bound.set(accelerator, callback)
    return true
  }
  unregisterAll(): void {
    this.bound.clear()
  }
  press(accelerator: string): void {
    const callback = this.bound.get(accelerator)
    if (!callback) throw new Error(`${accelerator} is not bound`)
    callback()
  }
}

describe('HotkeyService', () => {
  it('binds every default and reports a taken combination by name while the rest work', () => {
    const registrar = new FakeRegistrar(['CommandOrControl+Alt+Shift+B'])
    const performed: ActionId[] = []
    const service = new HotkeyService(registrar, (action) => performed.push(action))
    const status = service.bind({})
    expect(status.available).toBe(true)
    expect(status.bindings.filter((binding) => !binding.registered)).toEqual([
      { action: 'log:boundary-warning', accelerator: 'CommandOrControl+Alt+Shift+B', registered: false },
    ])
    expect(registrar.bound.size).toBe(effectiveHotkeys({}).length - 1)
    registrar.press('CommandOrControl+Alt+Shift+A')
    expect(performed).toEqual(['log:anger-rising'])
  })

  it('re-binds from scratch when the settings change, honouring unbinds', () => {
    const registrar = new FakeRegistrar()
    const service = new HotkeyService(registrar, () => {})
    service.bind({})
    service.bind({ 'log:mark': null, 'log:venting': 'CommandOrControl+Alt+Shift+V' })
    expect(registrar.bound.has('CommandOrControl+Alt+Shift+M')).toBe(false)
    expect(registrar.bound.has('CommandOrControl+Alt+Shift+V')).toBe(true)
  })

  it('treats a registrar that throws as a refusal', () => {
    const registrar: ShortcutRegistrar = {
      register: () => {
        throw new Error('conversion failed')
      },
      unregisterAll: () => {},
    }
    const status = new HotkeyService(registrar, () => {}).bind({})
    expect(status.bindings.every((binding) => !binding.registered)).toBe(true)
  })

  it('says hotkeys are unavailable without a registrar (the browser)', () => {
    const status = new HotkeyService(null, () => {}).bind({})
    expect(status.available).toBe(false)
    expect(status.bindings.length).toBe(effectiveHotkeys({}).length)
  })
})

describe('effectiveHotkeys', () => {
  it('merges overrides over defaults and drops unbound actions', () => {
    const map = new Map(effectiveHotkeys({ 'call-start': 'Alt+F9', undo: null }))
    expect(map.get('call-start')).toBe('Alt+F9')
    expect(map.has('undo')).toBe(false)
    expect(map.get('call-end')).toBe(defaultHotkeys['call-end'])
  })
})

describe('hotkeys through the app services', () => {
  it('logs an event from a hotkey and tells the window, refusals included', async () => {
    const registrar = new FakeRegistrar()
    const folder = tempDir()
    const events: { event: string; data: unknown }[] = []
    const services = createAppServices({
      dataDir: folder.dir,
      host: 'electron',
      version: 'test',
      shortcuts: registrar,
      broadcast: (event, data) => events.push({ event, data }),
    })
    registrar.press('CommandOrControl+Alt+Shift+E')
    expect(events.at(-1)).toMatchObject({
      event: 'actions:performed',
      data: { source: 'hotkey', action: 'call-end', error: { code: 'conflict' } },
    })
    registrar.press('CommandOrControl+Alt+Shift+B')
    expect(services.calls.current().recent.map((event) => [event.kind, event.source])).toEqual([
      ['call-started', 'hotkey'],
      ['boundary-warning', 'hotkey'],
    ])
    expect(events.at(-1)).toMatchObject({ event: 'actions:performed', data: { outcome: { type: 'logged' } } })
    registrar.press('CommandOrControl+Alt+Shift+PageDown')
    expect(events.at(-1)).toEqual({ event: 'ui:action', data: { action: 'deck-next', source: 'hotkey' } })
    const refused = await services.dispatch('settings:update', {
      hotkeys: { 'log:mark': 'CommandOrControl+Alt+Shift+B' },
    })
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-request',
        issues: [
          {
            path: 'hotkeys.log:mark',
            message: 'CommandOrControl+Alt+Shift+B is already used for log:boundary-warning',
          },
        ],
      },
    })
    services.close()
    folder.cleanup()
  })
})
