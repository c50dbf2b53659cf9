import type { ActionId } from '../../../shared/actions'
import { AppError } from '../../../shared/result'
import type { CompositionContext, Wiring } from '../composition'
import { HotkeyService } from './hotkey-service'

export interface HotkeysServices {
  hotkeys: HotkeyService
}

/** The OS's global shortcuts (none in the browser); the composition root binds them once all is built. */
export function composeHotkeys({ options, broadcast, log, errors }: CompositionContext, app: Wiring): HotkeysServices {
  /**
   * A global hotkey: carried out at once, in the host, even while the window is hidden. The
   * windows are told what happened, a refusal (e.g. no call to end) included.
   */
  function runHotkey(action: ActionId): void {
    try {
      const outcome = app.actions.perform(action, 'hotkey')
      if (outcome.type !== 'ui') broadcast('actions:performed', { source: 'hotkey', action, outcome })
    } catch (error) {
      if (!(error instanceof AppError)) log(errors.note(`hotkey ${action} failed`, error))
      const data =
        error instanceof AppError ? error.toData() : { code: 'internal' as const, message: 'The action failed.' }
      broadcast('actions:performed', { source: 'hotkey', action, error: data })
    }
  }
  const hotkeys = new HotkeyService(
    options.shortcuts ?? null,
    (action) => runHotkey(action),
    (status) => broadcast('hotkeys:changed', status),
  )
  return { hotkeys }
}
