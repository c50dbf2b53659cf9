import type { GlobalShortcut } from 'electron'
import type { ShortcutRegistrar } from '../services/hotkeys/hotkey-service'

/** Electron's global shortcuts behind the small interface the hotkey service needs. */
export function electronShortcuts(globalShortcut: GlobalShortcut): ShortcutRegistrar {
  return {
    register: (accelerator, callback) => globalShortcut.register(accelerator, callback),
    unregisterAll: () => globalShortcut.unregisterAll(),
  }
}
