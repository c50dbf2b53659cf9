import { builtInEventKinds } from './event-kinds'

/**
 * Everything an agent can trigger by global hotkey, in-window key or button. `log:<kind>` logs an
 * event of that kind. Kept free of zod so the renderer can import it.
 */
export const fixedActions = [
  'call-start',
  'call-end',
  'undo',
  'recovery-start',
  'recovery-decline',
  'deck-next',
  'deck-previous',
  'window-toggle',
  'help-request',
  'cues-pause',
  'cues-follow',
] as const
export type FixedAction = (typeof fixedActions)[number]
export type ActionId = FixedAction | `log:${string}`

/** Actions the renderer carries out itself (moving in the deck); the rest change stored data. */
export const uiActions: readonly ActionId[] = [
  'deck-next',
  'deck-previous',
  'window-toggle',
  'cues-pause',
  'cues-follow',
]

export function isActionId(value: string): value is ActionId {
  return (fixedActions as readonly string[]).includes(value) || /^log:[a-z0-9][a-z0-9-]{0,39}$/.test(value)
}

/** Where an action came from: stored with each event. */
export const actionSources = ['hotkey', 'window', 'integration'] as const
export type ActionSource = (typeof actionSources)[number]

/** Where a stored event came from: an action, or the live call cues (the caller's raised voice). */
export const eventSources = [...actionSources, 'cues'] as const
export type EventSource = (typeof eventSources)[number]

/**
 * Default global hotkeys: Ctrl+Alt+Shift with a letter, a combination desktops and common
 * programs rarely claim (Ctrl+Alt+arrows switch workspaces, Ctrl+Alt+F-keys switch consoles).
 */
export const defaultHotkeys: Readonly<Record<string, string | null>> = {
  'call-start': 'CommandOrControl+Alt+Shift+C',
  'call-end': 'CommandOrControl+Alt+Shift+E',
  undo: 'CommandOrControl+Alt+Shift+Z',
  'deck-next': 'CommandOrControl+Alt+Shift+PageDown',
  'deck-previous': 'CommandOrControl+Alt+Shift+PageUp',
  'window-toggle': 'CommandOrControl+Alt+Shift+H',
  'recovery-start': 'CommandOrControl+Alt+Shift+W',
  'recovery-decline': null,
  'log:anger-rising': 'CommandOrControl+Alt+Shift+A',
  'log:boundary-warning': 'CommandOrControl+Alt+Shift+B',
  'log:supervisor-requested': 'CommandOrControl+Alt+Shift+S',
  'log:promise-made': 'CommandOrControl+Alt+Shift+P',
  'log:resolved': 'CommandOrControl+Alt+Shift+R',
  'log:mark': 'CommandOrControl+Alt+Shift+M',
  // G for "get help": free in GNOME, KDE, Windows and macOS defaults, and beside no other default.
  'help-request': 'CommandOrControl+Alt+Shift+G',
  // Pausing the cues and taking their offered card: free to bind, none by default.
  'cues-pause': null,
  'cues-follow': null,
}

/** Every loggable built-in kind as an action, in the order the palette shows them. */
export const builtInLogActions: ActionId[] = builtInEventKinds
  .filter((kind) => kind.loggable)
  .map((kind) => `log:${kind.id}` as const)
