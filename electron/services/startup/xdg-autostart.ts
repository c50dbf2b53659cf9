import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** The argument a start at login carries, so the app knows it was not started by hand. */
export const LOGIN_ARG = '--login'
const FILE_NAME = 'calmdeck.desktop'

/** `~/.config/autostart`, or `$XDG_CONFIG_HOME/autostart` (XDG Autostart Specification). */
export function autostartDir(env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'autostart')
}

/** Quotes one Exec argument as the Desktop Entry Specification asks (and doubles `%`). */
export function quoteExecArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%')
  if (!/[\s"'\\><~|&;$*?#()`]/.test(escaped)) return escaped
  return `"${escaped.replace(/(["`$\\])/g, '\\$1')}"`
}

/** The autostart entry that starts `command` (the program and its arguments) at login. */
export function autostartEntry(command: readonly string[], name = 'CalmDeck'): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    `Name=${name}`,
    'Comment=Starts CalmDeck when you log in (CalmDeck → Settings → Start at login)',
    `Exec=${[...command, LOGIN_ARG].map(quoteExecArg).join(' ')}`,
    'Icon=calmdeck',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * Writes or removes CalmDeck's autostart file (Linux desktops). Written to a temporary file and
 * renamed, so a desktop reading it at login never sees half a file. Returns the file's path.
 */
export function setXdgAutostart(on: boolean, command: readonly string[], dir: string = autostartDir()): string {
  const file = path.join(dir, FILE_NAME)
  if (!on) {
    fs.rmSync(file, { force: true })
    return file
  }
  fs.mkdirSync(dir, { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  fs.writeFileSync(temp, autostartEntry(command), { mode: 0o644 })
  fs.renameSync(temp, file)
  return file
}
