import { describe, expect, it } from 'vitest'
import {
  acceleratorFromKey,
  canonicalAccelerator,
  displayAccelerator,
  isAccelerator,
  keyPlatform,
  type KeyPlatform,
  type KeyPress,
} from '../../../shared/accelerator'
import { defaultHotkeys } from '../../../shared/actions'
import { settingsSchema } from '../../../shared/settings'
import { defaultSettings } from '../../../shared/settings-defaults'

const platforms: KeyPlatform[] = ['mac', 'windows', 'linux']

/** A key press with the named modifiers held. */
function press(code: string, ...held: ('ctrl' | 'meta' | 'alt' | 'shift')[]): KeyPress {
  return {
    code,
    ctrlKey: held.includes('ctrl'),
    metaKey: held.includes('meta'),
    altKey: held.includes('alt'),
    shiftKey: held.includes('shift'),
  }
}

describe('acceleratorFromKey (the key recorder)', () => {
  it('records Meta as the Windows/Super key on Windows and Linux, not as Ctrl', () => {
    for (const platform of ['windows', 'linux'] as const) {
      expect(acceleratorFromKey(press('KeyX', 'meta'), platform)).toBe('Super+X')
      expect(acceleratorFromKey(press('KeyX', 'meta', 'alt', 'shift'), platform)).toBe('Super+Alt+Shift+X')
      expect(acceleratorFromKey(press('KeyX', 'ctrl', 'meta'), platform)).toBe('CommandOrControl+Super+X')
    }
  })

  it('records Ctrl on Windows and Linux the way the defaults spell it', () => {
    for (const platform of ['windows', 'linux'] as const) {
      expect(acceleratorFromKey(press('KeyB', 'ctrl', 'alt', 'shift'), platform)).toBe(
        defaultHotkeys['log:boundary-warning'],
      )
      expect(acceleratorFromKey(press('PageDown', 'ctrl', 'alt', 'shift'), platform)).toBe(defaultHotkeys['deck-next'])
    }
  })

  it('records ⌘ as Command and ⌃ as Control on macOS', () => {
    expect(acceleratorFromKey(press('KeyX', 'meta'), 'mac')).toBe('Command+X')
    expect(acceleratorFromKey(press('KeyX', 'ctrl'), 'mac')).toBe('Control+X')
    expect(acceleratorFromKey(press('KeyX', 'ctrl', 'meta', 'alt', 'shift'), 'mac')).toBe('Control+Command+Alt+Shift+X')
  })

  it('waits while only modifiers are held and maps named keys', () => {
    for (const platform of platforms) {
      expect(acceleratorFromKey(press('ControlLeft', 'ctrl'), platform)).toBeNull()
      expect(acceleratorFromKey(press('MetaLeft', 'meta'), platform)).toBeNull()
      expect(acceleratorFromKey(press('ArrowUp', 'alt'), platform)).toBe('Alt+Up')
      expect(acceleratorFromKey(press('Digit7', 'shift'), platform)).toBe('Shift+7')
      expect(acceleratorFromKey(press('F12', 'alt'), platform)).toBe('Alt+F12')
    }
  })

  it('produces only what the validation and the settings schema accept', () => {
    const chords = [['ctrl'], ['meta'], ['ctrl', 'meta'], ['meta', 'alt', 'shift'], ['ctrl', 'alt', 'shift']] as const
    for (const platform of platforms) {
      for (const chord of chords) {
        const accelerator = acceleratorFromKey(press('KeyK', ...chord), platform)
        expect(accelerator && isAccelerator(accelerator), `${platform} ${chord.join('+')}`).toBe(true)
        const parsed = settingsSchema.safeParse({ ...defaultSettings, hotkeys: { 'log:mark': accelerator } })
        expect(parsed.success).toBe(true)
      }
      expect(isAccelerator(acceleratorFromKey(press('KeyK'), platform) ?? '')).toBe(false)
    }
  })
})

describe('isAccelerator', () => {
  it('accepts every Electron modifier name and alias', () => {
    for (const modifier of [
      'Command',
      'Cmd',
      'Control',
      'Ctrl',
      'CommandOrControl',
      'CmdOrCtrl',
      'Alt',
      'Option',
      'AltGr',
      'Shift',
      'Super',
      'Meta',
    ]) {
      expect(isAccelerator(`${modifier}+B`), modifier).toBe(true)
    }
    expect(isAccelerator('Super+Alt+Shift+PageDown')).toBe(true)
    expect(isAccelerator('Control+Command+Alt+Shift+X')).toBe(true)
    expect(isAccelerator('Control+Plus')).toBe(true)
  })

  it('refuses a key alone, unknown names, two keys and a modifier named twice', () => {
    expect(isAccelerator('B')).toBe(false)
    expect(isAccelerator('Hyper+B')).toBe(false)
    expect(isAccelerator('Control+B+C')).toBe(false)
    expect(isAccelerator('Control+Ctrl+B')).toBe(false)
    expect(isAccelerator('Super+Meta+B')).toBe(false)
    expect(isAccelerator('Control+Alt+')).toBe(false)
  })
})

describe('displayAccelerator', () => {
  it('names the keys the way each platform does', () => {
    const defaultB = 'CommandOrControl+Alt+Shift+B'
    expect(displayAccelerator(defaultB, 'linux')).toBe('Ctrl+Alt+Shift+B')
    expect(displayAccelerator(defaultB, 'windows')).toBe('Ctrl+Alt+Shift+B')
    expect(displayAccelerator(defaultB, 'mac')).toBe('⌥⇧⌘B')
    expect(displayAccelerator('Super+X', 'linux')).toBe('Super+X')
    expect(displayAccelerator('Super+X', 'windows')).toBe('Win+X')
    expect(displayAccelerator('Shift+Alt+Super+CommandOrControl+X', 'linux')).toBe('Ctrl+Super+Alt+Shift+X')
    expect(displayAccelerator('Super+Alt+Shift+X', 'windows')).toBe('Win+Alt+Shift+X')
    expect(displayAccelerator('Control+X', 'mac')).toBe('⌃X')
    expect(displayAccelerator('Command+X', 'mac')).toBe('⌘X')
    expect(displayAccelerator('Control+Command+Alt+Shift+X', 'mac')).toBe('⌃⌥⇧⌘X')
    expect(displayAccelerator('Ctrl+Option+PageUp', 'mac')).toBe('⌃⌥⇞')
    // Long key names as keyboards print them, so the default next-card key fits a 360 px button.
    expect(displayAccelerator('CommandOrControl+Alt+Shift+PageDown', 'linux')).toBe('Ctrl+Alt+Shift+PgDn')
    expect(displayAccelerator('CommandOrControl+Alt+Shift+PageUp', 'windows')).toBe('Ctrl+Alt+Shift+PgUp')
    expect(displayAccelerator('CommandOrControl+Alt+Shift+PageDown', 'mac')).toBe('⌥⇧⌘⇟')
    expect(displayAccelerator('Alt+Escape', 'linux')).toBe('Alt+Esc')
  })

  it('shows what the recorder recorded, so Super+X never shows as Ctrl+X', () => {
    expect(displayAccelerator(acceleratorFromKey(press('KeyX', 'meta'), 'linux') ?? '', 'linux')).toBe('Super+X')
    expect(displayAccelerator(acceleratorFromKey(press('KeyX', 'ctrl'), 'mac') ?? '', 'mac')).toBe('⌃X')
  })
})

describe('canonicalAccelerator', () => {
  it('spells the same keys the same way on each platform', () => {
    expect(canonicalAccelerator('CommandOrControl+Alt+Shift+B', 'mac')).toBe(
      canonicalAccelerator('Alt+Shift+Cmd+B', 'mac'),
    )
    expect(canonicalAccelerator('CommandOrControl+Alt+Shift+B', 'linux')).toBe(
      canonicalAccelerator('Ctrl+Option+Shift+B', 'linux'),
    )
    expect(canonicalAccelerator('Meta+Return', 'windows')).toBe('Super+Enter')
    expect(canonicalAccelerator('Control+B', 'mac')).not.toBe(canonicalAccelerator('CommandOrControl+B', 'mac'))
    expect(canonicalAccelerator('Super+B', 'linux')).not.toBe(canonicalAccelerator('CommandOrControl+B', 'linux'))
  })
})

describe('keyPlatform', () => {
  it('maps Node platforms', () => {
    expect(keyPlatform('darwin')).toBe('mac')
    expect(keyPlatform('win32')).toBe('windows')
    expect(keyPlatform('linux')).toBe('linux')
    expect(keyPlatform('freebsd')).toBe('linux')
  })
})
