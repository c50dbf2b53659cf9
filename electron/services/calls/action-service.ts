import { uiActions, type ActionId, type ActionSource } from '../../../shared/actions'
import type { CallEvent } from '../../../shared/calls'
import type { ActionOutcome } from '../../../shared/contract'
import type { OutboxItem } from '../../../shared/team'
import { AppError } from '../../../shared/result'
import type { CallService } from './call-service'
import type { RecoveryService } from '../recovery/recovery-service'

/** The team side of actions: asking for help, and hearing of logged events (e.g. "supervisor requested"). */
export interface TeamActions {
  requestHelp(source: ActionSource): OutboxItem
  /** Told after an event was committed; must not throw. */
  logged?(event: CallEvent, source: ActionSource): void
}

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
    private readonly team?: TeamActions,
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
      case 'help-request':
        if (!this.team) throw new AppError('unavailable', 'Asking for help is not available here.')
        return { type: 'help-requested', item: this.team.requestHelp(source) }
      default: {
        const event = this.calls.log(action.slice('log:'.length), source, text)
        this.team?.logged?.(event, source)
        return { type: 'logged', event }
      }
    }
  }
}
