import type { CompositionContext, Wiring } from '../composition'
import { RecoveryService } from './recovery-service'

export interface RecoveryServices {
  recovery: RecoveryService
}

/** Recovery breaks, watched from the start (one that ran out while the app was closed ends). */
export function composeRecovery({ options, now, broadcast }: CompositionContext, app: Wiring): RecoveryServices {
  const recovery = new RecoveryService({
    db: app.db,
    now,
    defaultMinutes: () => app.settings.get().recoveryMinutes,
    onChange: (state) => broadcast('recovery:changed', state),
    onFinished: () => options.onRecoveryFinished?.(),
  })
  recovery.watch()
  return { recovery }
}
