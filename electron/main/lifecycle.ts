import type { App, BrowserWindow, PowerMonitor } from 'electron'
import type { FlushCoordinator } from '../services/flush-coordinator'

/** How long quitting waits for the windows to save what the agent typed. */
const QUIT_FLUSH_MS = 1500
/** Sleep and log-off give less time: ask, wait briefly. */
const SUSPEND_FLUSH_MS = 800

/**
 * Nothing typed is lost when the app goes away: before quitting (and before sleep, shutdown and
 * a Windows log-off, where quit events do not fire) the windows are asked to save their notes,
 * with a bounded wait. Only then does `onQuit` close the database.
 */
export function saveBeforeLeaving(
  app: App,
  powerMonitor: PowerMonitor,
  window: BrowserWindow,
  flushes: FlushCoordinator,
  onQuit: () => void,
  /** Work to let finish (bounded) once the windows saved, e.g. a backup in progress. */
  settle: () => Promise<void> = async () => {},
): void {
  const windows = () => (window.isDestroyed() ? 0 : 1)
  let leaving = false

  app.on('before-quit', (event) => {
    if (leaving) return
    event.preventDefault()
    leaving = true
    void flushes
      .flush(windows(), QUIT_FLUSH_MS)
      .then(settle)
      .finally(() => {
        onQuit()
        app.quit()
      })
  })
  powerMonitor.on('suspend', () => void flushes.flush(windows(), SUSPEND_FLUSH_MS))
  // Linux and macOS: quitting on shutdown goes through before-quit, which saves first.
  powerMonitor.on('shutdown', () => app.quit())
  // Windows: logging off does not quit the app first.
  window.on('session-end', () => void flushes.flush(windows(), SUSPEND_FLUSH_MS))
}

/**
 * SIGTERM and SIGINT (a service manager, a log-out on Linux, Ctrl+C) quit like the tray's Quit:
 * through before-quit, so the notes are saved and the shutdown backup is made before the process
 * ends. Without this the signal may end the process at once (Electron does not do it everywhere).
 */
export function quitOnSignals(app: Pick<App, 'quit'>, signals: Pick<NodeJS.Process, 'once'> = process): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) signals.once(signal, () => app.quit())
}
