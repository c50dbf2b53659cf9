/** What an in-window key press asks for. The global hotkeys will map onto the same actions. */
export type KeyAction =
  { type: 'next' } | { type: 'previous' } | { type: 'escalation'; position: number } | { type: 'back' }

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
  return null
}
