import { Notification, type Tray } from 'electron'
import type { RecoveryState } from '../../shared/recovery'
import type { Settings } from '../../shared/settings'

const texts = {
  en: { over: 'Your recovery break is over. Welcome back.', left: 'recovery break, {time} left' },
  nl: { over: 'Je herstelpauze is voorbij. Welkom terug.', left: 'herstelpauze, nog {time}' },
  hr: { over: 'Predah je gotov. Dobro došli natrag.', left: 'predah, još {time}' },
}

function textsFor(locale: Settings['locale']) {
  const language = locale === 'auto' ? (Intl.DateTimeFormat().resolvedOptions().locale.slice(0, 2) as 'en') : locale
  return texts[language] ?? texts.en
}

/** Tells the agent a break has ended, even with the window hidden. */
export function notifyRecoveryOver(locale: Settings['locale']): void {
  if (!Notification.isSupported()) return
  new Notification({ title: 'CalmDeck', body: textsFor(locale).over, silent: true }).show()
}

/**
 * Keeps the tray tooltip showing the time left of a running break (checked every 15 s, from the
 * stored end time, so it is right after sleep), and plain "CalmDeck" otherwise.
 */
export function trayCountdown(tray: () => Tray | undefined, locale: () => Settings['locale']) {
  let timer: ReturnType<typeof setInterval> | undefined
  return (state: RecoveryState | null): void => {
    clearInterval(timer)
    timer = undefined
    const endsAt = state?.status === 'running' ? state.endsAt : null
    const update = () => {
      const left = endsAt === null ? 0 : Math.max(0, endsAt - Date.now())
      const minutes = Math.ceil(left / 60_000)
      tray()?.setToolTip(
        left > 0 ? `CalmDeck — ${textsFor(locale()).left.replace('{time}', `${minutes} min`)}` : 'CalmDeck',
      )
    }
    update()
    if (endsAt !== null) timer = setInterval(update, 15_000)
  }
}
