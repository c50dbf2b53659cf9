import { Notification, type Tray } from 'electron'
import type { HostTexts } from '../../shared/i18n/host-catalog'
import type { RecoveryState } from '../../shared/recovery'

/** Tells the agent a break has ended, even with the window hidden. */
export function notifyRecoveryOver(texts: HostTexts['recovery']): void {
  if (!Notification.isSupported()) return
  new Notification({ title: 'CalmDeck', body: texts.over, silent: true }).show()
}

/**
 * Keeps the tray tooltip showing the time left of a running break (checked every 15 s, from the
 * stored end time, so it is right after sleep), and plain "CalmDeck" otherwise. `texts` is read
 * on every update, so a language change shows at the next one.
 */
export function trayCountdown(tray: () => Tray | undefined, texts: () => HostTexts) {
  let timer: ReturnType<typeof setInterval> | undefined
  return (state: RecoveryState | null): void => {
    clearInterval(timer)
    timer = undefined
    const endsAt = state?.status === 'running' ? state.endsAt : null
    const update = () => {
      const left = endsAt === null ? 0 : Math.max(0, endsAt - Date.now())
      const minutes = Math.ceil(left / 60_000)
      const { tray: trayTexts, recovery } = texts()
      tray()?.setToolTip(
        left > 0 ? `${trayTexts.tooltip} — ${recovery.left.replace('{time}', `${minutes} min`)}` : trayTexts.tooltip,
      )
    }
    update()
    if (endsAt !== null) timer = setInterval(update, 15_000)
  }
}
