import os from 'node:os'
import path from 'node:path'

export const APP_NAME = 'CalmDeck'

/**
 * The per-user data folder, the same one Electron's `app.getPath('userData')` gives for our app
 * name, computed without Electron so the web host and the CLI find the same data.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), APP_NAME)
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_NAME)
  return path.posix.join(env.XDG_CONFIG_HOME || path.posix.join(home, '.config'), APP_NAME)
}

/**
 * The per-user cache folder (what may be deleted at any time, never the agent's data), as the
 * system names it: `%LOCALAPPDATA%` (Windows), `~/Library/Caches` (macOS), `$XDG_CACHE_HOME` (Linux).
 */
export function defaultCacheDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.win32.join(env.LOCALAPPDATA ?? path.win32.join(home, 'AppData', 'Local'), APP_NAME)
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Caches', APP_NAME)
  return path.posix.join(env.XDG_CACHE_HOME || path.posix.join(home, '.cache'), APP_NAME)
}
