import type { ActionId } from '../../../shared/actions'
import type { HotkeyStatus } from '../../../shared/contract'
import { effectiveHotkeys } from '../../../shared/hotkeys'

/** The operating system's global shortcuts, as Electron's `globalShortcut` offers them. */
export interface ShortcutRegistrar {
  /** False when the combination could not be taken, e.g. because another program holds it. */
  register(accelerator: string, callback: () => void): boolean
  unregisterAll(): void
}

/**
 * Binds global hotkeys to actions and remembers which combinations failed, so the window can
 * name them. One refused combination never stops the others. Without a registrar (the web
 * host) nothing is bound and the status says so.
 */
export class HotkeyService {
  private current: HotkeyStatus = { available: false, bindings: [] }

  constructor(
    private readonly registrar: ShortcutRegistrar | null,
    private readonly perform: (action: ActionId) => void,
    private readonly onChange: (status: HotkeyStatus) => void = () => {},
  ) {}

  bind(overrides: Readonly<Record<string, string | null>>): HotkeyStatus {
    const wanted = effectiveHotkeys(overrides)
    if (!this.registrar) {
      this.current = {
        available: false,
        bindings: wanted.map(([action, accelerator]) => ({ action, accelerator, registered: false })),
      }
    } else {
      const registrar = this.registrar
      registrar.unregisterAll()
      this.current = {
        available: true,
        bindings: wanted.map(([action, accelerator]) => ({
          action,
          accelerator,
          registered: safeRegister(registrar, accelerator, () => this.perform(action)),
        })),
      }
    }
    this.onChange(this.current)
    return this.current
  }

  status(): HotkeyStatus {
    return this.current
  }

  unbindAll(): void {
    this.registrar?.unregisterAll()
  }
}

function safeRegister(registrar: ShortcutRegistrar, accelerator: string, callback: () => void): boolean {
  try {
    return registrar.register(accelerator, callback)
  } catch {
    return false
  }
}
