import type { CompositionContext, Wiring } from '../composition'
import { ActionService } from './action-service'
import { CallService } from './call-service'

export interface CallsServices {
  calls: CallService
  /** The one way every hotkey, key, button and softphone event acts. */
  actions: ActionService
}

/** Calls and their events; a hard call's end offers a break; a supervisor request may ask the team for help. */
export function composeCalls({ options, now, broadcast, log, errors }: CompositionContext, app: Wiring): CallsServices {
  const calls = new CallService({
    db: app.db,
    now,
    callerStorage: () => app.settings.get().callerNumber,
    eventKinds: () => app.decks.eventKinds(),
    onChange: (state) => broadcast('calls:changed', state),
    onEnded: (call) => {
      if (call.hard) app.recovery.offer(call.id)
    },
  })
  const actions = new ActionService(
    calls,
    app.recovery,
    options.onUiAction ?? ((action, source) => broadcast('ui:action', { action, source })),
    {
      requestHelp: (source) => app.help.request(source),
      logged: (event) => {
        if (event.kind !== 'supervisor-requested' || !app.settings.get().teamHelpOnSupervisor) return
        try {
          app.help.request('supervisor')
        } catch (error) {
          log(errors.note('help request on supervisor requested not queued', error))
        }
      },
    },
  )
  return { calls, actions }
}
