/**
 * Electron accelerators ("CommandOrControl+Alt+Shift+B"): what the settings accept and the key
 * recorder produces. Kept free of zod so the renderer can use it.
 */
const MODIFIERS = ['CommandOrControl', 'Command', 'Control', 'Alt', 'AltGr', 'Shift', 'Super'] as const
const NAMED_KEYS = [
  'Space',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Plus',
  'num0',
  'num1',
  'num2',
  'num3',
  'num4',
  'num5',
  'num6',
  'num7',
  'num8',
  'num9',
  'numadd',
  'numsub',
  'nummult',
  'numdiv',
  'numdec',
] as const
const KEY_PATTERN = /^(?:[A-Z0-9]|F(?:[1-9]|1[0-9]|2[0-4])|[)!@#$%^&*(:;<>=,\-_.?/~`{}[\]|\\'"])$/

/** True for a combination of at least one modifier and exactly one key, e.g. `Control+Alt+B`. */
export function isAccelerator(value: string): boolean {
  const parts = value.split('+')
  if (value.endsWith('++')) parts.splice(parts.length - 2, 2, '+')
  const key = parts.pop()
  if (!key || parts.length === 0 || parts.length > 4) return false
  if (new Set(parts).size !== parts.length) return false
  if (!parts.every((part) => (MODIFIERS as readonly string[]).includes(part))) return false
  return KEY_PATTERN.test(key) || (NAMED_KEYS as readonly string[]).includes(key)
}

const CODE_KEYS: Record<string, string> = {
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  PageUp: 'PageUp',
  PageDown: 'PageDown',
  Home: 'Home',
  End: 'End',
  Insert: 'Insert',
  Delete: 'Delete',
  Backspace: 'Backspace',
  Enter: 'Enter',
  Space: 'Space',
  Tab: 'Tab',
}

/** What a key recorder makes of a key press, or null while only modifiers are held. */
export function acceleratorFromKey(event: {
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}): string | null {
  let key: string | undefined
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3)
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5)
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(event.code)) key = event.code
  else key = CODE_KEYS[event.code]
  if (!key) return null
  const parts: string[] = []
  if (event.ctrlKey || event.metaKey) parts.push('CommandOrControl')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey) parts.push('Shift')
  parts.push(key)
  return parts.join('+')
}

/** A short human form for buttons and hints: "Ctrl+Alt+Shift+B" (or ⌘ on macOS). */
export function displayAccelerator(accelerator: string, mac = false): string {
  return accelerator
    .replace('CommandOrControl', mac ? '⌘' : 'Ctrl')
    .replace('Command', '⌘')
    .replace('Control', 'Ctrl')
    .replace('Alt', mac ? '⌥' : 'Alt')
}
