import type { ActionId } from '@shared/actions'

/** What an in-window key press asks for. Actions go through the same dispatcher as global hotkeys. */
export type KeyAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'escalation'; position: number }
  | { type: 'back' }
  | { type: 'action'; action: ActionId }
  | { type: 'open'; view: 'log' | 'timeline' | 'mark' | 'note' | 'notes' }

/** Single letters for logging without the mouse while the window has focus; shown on the buttons. */
export const windowKeys: Readonly<Record<string, ActionId>> = {
  c: 'call-start',
  e: 'call-end',
  z: 'undo',
  v: 'log:venting',
  s: 'log:summarised',
  y: 'log:apologised',
  o: 'log:solution-offered',
  a: 'log:anger-rising',
  b: 'log:boundary-warning',
  x: 'log:ended-for-abuse',
  u: 'log:supervisor-requested',
  h: 'log:handed-over',
  p: 'log:promise-made',
  r: 'log:resolved',
  f: 'log:follow-up',
  w: 'recovery-start',
  d: 'recovery-decline',
  g: 'help-request',
  q: 'cues-pause',
  j: 'cues-follow',
}

/** The letter that triggers `action` in the window, if any. */
export function windowKeyFor(action: ActionId): string | null {
  return Object.entries(windowKeys).find(([, value]) => value === action)?.[0] ?? null
}

/** Maps a key press to an action, or null. Typing in a form field is never taken over. */
export function keyAction(event: KeyboardEvent): KeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null
  const target = event.target as HTMLElement | null
  if (target?.closest('input, textarea, select, [contenteditable="true"]')) return null
  switch (event.key) {
    case 'ArrowRight':
    case 'PageDown':
      return { type: 'next' }
    case 'ArrowLeft':
    case 'PageUp':
      return { type: 'previous' }
    case 'Escape':
      return { type: 'back' }
  }
  if (/^[1-9]$/.test(event.key)) return { type: 'escalation', position: Number(event.key) - 1 }
  const key = event.key.toLowerCase()
  if (key === 'l') return { type: 'open', view: 'log' }
  if (key === 't') return { type: 'open', view: 'timeline' }
  if (key === 'm') return { type: 'open', view: 'mark' }
  if (key === 'n') return { type: 'open', view: 'note' }
  if (key === 'k') return { type: 'open', view: 'notes' }
  const action = windowKeys[key]
  return action ? { type: 'action', action } : null
}
