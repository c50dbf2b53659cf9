import { defaultHotkeys, isActionId, type ActionId } from './actions'

/** The user's hotkey settings: an accelerator per action, or null to unbind a default. */
export type HotkeyOverrides = Readonly<Record<string, string | null | undefined>>

/**
 * The one rule for which hotkey an action has: the user's setting if there is one (null
 * unbinds), else the default, else none. Kept free of zod so the renderer uses it too.
 */
export function hotkeyFor(action: string, overrides: HotkeyOverrides): string | null {
  return Object.hasOwn(overrides, action) ? (overrides[action] ?? null) : (defaultHotkeys[action] ?? null)
}

/** The hotkeys in force: every action that has one under `hotkeyFor`, defaults first. */
export function effectiveHotkeys(overrides: HotkeyOverrides): [ActionId, string][] {
  const actions = new Set([...Object.keys(defaultHotkeys), ...Object.keys(overrides)])
  return [...actions]
    .filter((action): action is ActionId => isActionId(action))
    .map((action): [ActionId, string | null] => [action, hotkeyFor(action, overrides)])
    .filter((entry): entry is [ActionId, string] => entry[1] !== null)
}
