/**
 * Electron accelerators ("CommandOrControl+Alt+Shift+B"): what the settings accept and the key
 * recorder produces. Kept free of zod so the renderer can use it.
 */
/** The keyboard's operating system: it decides what Ctrl and Meta mean and how keys are named. */
export type KeyPlatform = 'mac' | 'windows' | 'linux'

/** The key platform for a Node `process.platform` value (anything not macOS or Windows counts as Linux). */
export function keyPlatform(nodePlatform: string): KeyPlatform {
  if (nodePlatform === 'darwin') return 'mac'
  return nodePlatform === 'win32' ? 'windows' : 'linux'
}

/** Electron's modifier names, each with the one name it is an alias of (platform-independent). */
const MODIFIER_ALIASES: Readonly<Record<string, string>> = {
  CommandOrControl: 'CommandOrControl',
  CmdOrCtrl: 'CommandOrControl',
  Command: 'Command',
  Cmd: 'Command',
  Control: 'Control',
  Ctrl: 'Control',
  Alt: 'Alt',
  Option: 'Alt',
  AltGr: 'AltGr',
  Shift: 'Shift',
  Super: 'Super',
  Meta: 'Super',
}
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

/** Splits an accelerator into its parts, keeping a trailing "+" key ("Control++") whole. */
function splitAccelerator(value: string): string[] {
  const parts = value.split('+')
  if (value.endsWith('++')) parts.splice(parts.length - 2, 2, '+')
  return parts
}

/** True for a combination of at least one modifier and exactly one key, e.g. `Control+Alt+B`. */
export function isAccelerator(value: string): boolean {
  const parts = splitAccelerator(value)
  const key = parts.pop()
  if (!key || parts.length === 0 || parts.length > 4) return false
  if (!parts.every((part) => part in MODIFIER_ALIASES)) return false
  if (new Set(parts.map((part) => MODIFIER_ALIASES[part])).size !== parts.length) return false
  return KEY_PATTERN.test(key) || (NAMED_KEYS as readonly string[]).includes(key)
}

/** The physical modifiers, in the order they are shown (macOS: ⌃ ⌥ ⇧ ⌘). */
const PHYSICAL_ORDER = ['Control', 'Alt', 'AltGr', 'Shift', 'Command', 'Super'] as const
type PhysicalModifier = (typeof PHYSICAL_ORDER)[number]

/** The physical key an Electron modifier name stands for on `platform`. */
function physicalModifier(name: string, platform: KeyPlatform): PhysicalModifier | null {
  const alias = MODIFIER_ALIASES[name]
  if (alias === 'CommandOrControl') return platform === 'mac' ? 'Command' : 'Control'
  // Electron maps Super/Meta to the Windows key on Windows and Linux and to ⌘ on macOS.
  if (alias === 'Super') return platform === 'mac' ? 'Command' : 'Super'
  return (PHYSICAL_ORDER as readonly string[]).includes(alias ?? '') ? (alias as PhysicalModifier) : null
}

/** The physical modifiers (in display order) and the key of an accelerator on `platform`. */
function physicalParts(accelerator: string, platform: KeyPlatform): { modifiers: PhysicalModifier[]; key: string } {
  const parts = splitAccelerator(accelerator)
  const raw = parts.pop() ?? ''
  const held = new Set(parts.map((part) => physicalModifier(part, platform)))
  return { modifiers: PHYSICAL_ORDER.filter((modifier) => held.has(modifier)), key: raw === 'Return' ? 'Enter' : raw }
}

/**
 * One spelling per physical key combination on `platform`, for telling whether two accelerators
 * are the same keys: on macOS `CommandOrControl+B`, `Cmd+B` and `Super+B` all become `Command+B`.
 */
export function canonicalAccelerator(accelerator: string, platform: KeyPlatform): string {
  const { modifiers, key } = physicalParts(accelerator, platform)
  return [...modifiers, key].join('+')
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

/** The modifier state of a key press, as a KeyboardEvent carries it. */
export interface KeyPress {
  code: string
  ctrlKey: boolean
  metaKey: boolean
  altKey: boolean
  shiftKey: boolean
}

/**
 * What a key recorder makes of a key press on `platform`, or null while only modifiers are held.
 * It records what was pressed: Meta is `Command` on macOS and `Super` (the Windows key)
 * elsewhere; Ctrl is `Control` on macOS and `CommandOrControl` elsewhere, as in the defaults.
 */
export function acceleratorFromKey(event: KeyPress, platform: KeyPlatform): string | null {
  let key: string | undefined
  if (/^Key[A-Z]$/.test(event.code)) key = event.code.slice(3)
  else if (/^Digit[0-9]$/.test(event.code)) key = event.code.slice(5)
  else if (/^F([1-9]|1[0-9]|2[0-4])$/.test(event.code)) key = event.code
  else key = CODE_KEYS[event.code]
  if (!key) return null
  const mac = platform === 'mac'
  const parts: string[] = []
  if (event.ctrlKey) parts.push(mac ? 'Control' : 'CommandOrControl')
  if (event.metaKey) parts.push(mac ? 'Command' : 'Super')
  if (event.altKey) parts.push('Alt')
  if (event.shiftKey) parts.push('Shift')
  parts.push(key)
  return parts.join('+')
}

const MAC_SYMBOLS: Record<PhysicalModifier, string> = {
  Control: '⌃',
  Alt: '⌥',
  AltGr: '⌥',
  Shift: '⇧',
  Command: '⌘',
  Super: '⌘',
}
/** Windows and Linux name the Windows/Super key right after Ctrl ("Ctrl+Win+Alt+D"). */
const PC_ORDER: readonly PhysicalModifier[] = ['Control', 'Super', 'Command', 'Alt', 'AltGr', 'Shift']
const PC_NAMES: Record<PhysicalModifier, string> = {
  Control: 'Ctrl',
  Alt: 'Alt',
  AltGr: 'AltGr',
  Shift: 'Shift',
  Command: 'Cmd',
  Super: 'Super',
}

/** Keys named as keyboards print them, where Electron's name is long ("PageDown" → "PgDn", "⇟"). */
const KEY_LABELS: Record<'mac' | 'pc', Partial<Record<string, string>>> = {
  pc: { PageUp: 'PgUp', PageDown: 'PgDn', Escape: 'Esc' },
  mac: { PageUp: '⇞', PageDown: '⇟', Escape: '⎋' },
}

/**
 * A short human form for buttons and hints, with the platform's names: "⌃⌥⇧⌘B" on macOS,
 * "Ctrl+Win+Alt+Shift+B" on Windows, "Ctrl+Super+Alt+Shift+B" on Linux; "PgDn" / "⇟" for PageDown.
 */
export function displayAccelerator(accelerator: string, platform: KeyPlatform): string {
  const parts = physicalParts(accelerator, platform)
  const { modifiers } = parts
  const key = KEY_LABELS[platform === 'mac' ? 'mac' : 'pc'][parts.key] ?? parts.key
  if (platform === 'mac') return [...modifiers.map((modifier) => MAC_SYMBOLS[modifier]), key].join('')
  const names = PC_ORDER.filter((modifier) => modifiers.includes(modifier)).map((modifier) =>
    modifier === 'Super' && platform === 'windows' ? 'Win' : PC_NAMES[modifier],
  )
  return [...names, key].join('+')
}
