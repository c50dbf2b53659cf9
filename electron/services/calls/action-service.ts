import { uiActions, type ActionId, type ActionSource } from '../../../shared/actions'
import type { ActionOutcome } from '../../../shared/contract'
import type { CallService } from './call-service'
import type { RecoveryService } from '../recovery/recovery-service'

/**
 * The one place actions are carried out, whatever triggered them: a global hotkey, a key or
 * button in the window, or (later) a softphone. Data actions are committed by the call service
 * before this returns; deck and window actions are handed to `onUiAction`.
 */
export class ActionService {
  constructor(
    private readonly calls: CallService,
    private readonly recovery: RecoveryService,
    private readonly onUiAction: (action: ActionId, source: ActionSource) => void,
  ) {}

  perform(action: ActionId, source: ActionSource, text?: string): ActionOutcome {
    if (uiActions.includes(action)) {
      this.onUiAction(action, source)
      return { type: 'ui', action }
    }
    switch (action) {
      case 'call-start':
        return { type: 'call-started', state: this.calls.start({ source }) }
      case 'call-end':
        return { type: 'call-ended', state: this.calls.end(source) }
      case 'undo':
        return { type: 'undone', event: this.calls.undo() }
      case 'recovery-start':
        return { type: 'recovery', state: this.recovery.start(source) }
      case 'recovery-decline':
        return { type: 'recovery', state: this.recovery.decline(source) }
      default:
        return { type: 'logged', event: this.calls.log(action.slice('log:'.length), source, text) }
    }
  }
}
