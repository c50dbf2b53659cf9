import type { App } from 'electron'
import { LOGIN_ARG, setXdgAutostart } from '../services/startup/xdg-autostart'

/**
 * Start at login: Electron's login item on Windows and macOS, an XDG autostart file on Linux.
 * Windows passes `--login` to the start; macOS says so itself (`wasOpenedAtLogin`).
 */
export function applyStartAtLogin(
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>,
  on: boolean,
  platform: NodeJS.Platform = process.platform,
): void {
  if (platform === 'win32' || platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: on, args: platform === 'win32' ? [LOGIN_ARG] : [] })
    return
  }
  setXdgAutostart(on, launchCommand(app))
}

/** The packaged program (the AppImage itself when run as one), or Electron with the app folder in development. */
function launchCommand(app: Pick<App, 'isPackaged' | 'getAppPath'>): string[] {
  if (!app.isPackaged) return [process.execPath, app.getAppPath()]
  return [process.env.APPIMAGE || process.execPath]
}

/** True when this start is the login item's (so "start in the tray" applies). */
export function startedAtLogin(
  app: { getLoginItemSettings(): { wasOpenedAtLogin?: boolean } },
  argv: readonly string[],
  platform: NodeJS.Platform = process.platform,
): boolean {
  if (argv.includes(LOGIN_ARG)) return true
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true
}

/**
 * Keeps the login item (or the Linux autostart file) as the setting says, touching the OS only
 * when the value changes (the first call of a run always applies it). A failure is logged, not fatal.
 */
export function startAtLoginKeeper(
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>,
  log: (line: string) => void,
): (on: boolean) => void {
  let applied: boolean | undefined
  return (on) => {
    if (on === applied) return
    applied = on
    try {
      applyStartAtLogin(app, on)
    } catch (error) {
      log(`start at login could not be set (${error instanceof Error ? error.name : 'unknown'})`)
    }
  }
}
