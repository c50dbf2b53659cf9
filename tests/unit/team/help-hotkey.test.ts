import { afterEach, describe, expect, it } from 'vitest'
import { createAppServices } from '../../../electron/services/app-services'
import type { ShortcutRegistrar } from '../../../electron/services/hotkeys/hotkey-service'
import { canonicalAccelerator } from '../../../shared/accelerator'
import { defaultHotkeys } from '../../../shared/actions'
import { teamReceiver } from '../../helpers/team-receiver'
import { tempDir } from '../../helpers/temp-dir'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** Records the bound shortcuts so a test can press one. */
class Registrar implements ShortcutRegistrar {
  readonly bound = new Map<string, () => void>()
  register(accelerator: string, callback: () => void): boolean {
    this.bound.set(accelerator, callback)
    return true
  }
  unregisterAll(): void {
    this.bound.clear()
  }
}

describe('ask for help by global hotkey', () => {
  it('has a default combination no other action uses', () => {
    const help = defaultHotkeys['help-request']
    expect(help).toBe('CommandOrControl+Alt+Shift+G')
    const others = Object.entries(defaultHotkeys)
      .filter(([action, accelerator]) => action !== 'help-request' && accelerator)
      .map(([, accelerator]) => canonicalAccelerator(accelerator!, 'linux'))
    expect(others).not.toContain(canonicalAccelerator(help!, 'linux'))
  })

  it('posts from the hotkey, while the window is hidden, and tells the window', async () => {
    const receiver = await teamReceiver()
    const folder = tempDir()
    const registrar = new Registrar()
    const events: { event: string; data: unknown }[] = []
    const services = createAppServices({
      dataDir: folder.dir,
      host: 'electron',
      version: 'test',
      shortcuts: registrar,
      broadcast: (event, data) => events.push({ event, data }),
    })
    cleanups.push(
      folder.cleanup,
      () => services.close(),
      () => receiver.stop(),
    )
    registrar.bound.get('CommandOrControl+Alt+Shift+G')!()
    expect(events.at(-1)).toMatchObject({
      event: 'actions:performed',
      data: { source: 'hotkey', action: 'help-request', error: { code: 'conflict' } },
    })
    services.team.setEndpoint({ kind: 'slack', url: receiver.url })
    registrar.bound.get('CommandOrControl+Alt+Shift+G')!()
    expect(events.at(-1)).toMatchObject({
      event: 'actions:performed',
      data: { source: 'hotkey', action: 'help-request', outcome: { type: 'help-requested' } },
    })
    const [post] = await receiver.waitFor(1)
    expect(JSON.parse(post!.body).text).toBe('An agent asks for help')
  })
})
