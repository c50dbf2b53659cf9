/**
 * The promises and follow-ups a note lists, and the one rule for which of them are open. Free of
 * zod: the window uses it too.
 */

/** What a note's list holds: promises made to the caller and follow-ups to do. */
export const NOTE_ITEM_KINDS = ['promise', 'follow-up'] as const
export type NoteItemKind = (typeof NOTE_ITEM_KINDS)[number]

export type ItemCounts = Record<NoteItemKind, number>

/**
 * Per kind: `unlisted`, what was logged during the call (`P`, `F`) beyond what its note lists,
 * and `open`, the note's items not ticked done plus the unlisted ones: a promise made counts as
 * open until the note names it and it is ticked done.
 */
export function noteItemCounts(
  logged: readonly NoteItemKind[],
  items: readonly { kind: NoteItemKind; done: boolean }[],
): { open: ItemCounts; unlisted: ItemCounts } {
  const open: ItemCounts = { promise: 0, 'follow-up': 0 }
  const unlisted: ItemCounts = { promise: 0, 'follow-up': 0 }
  for (const kind of logged) unlisted[kind]++
  for (const item of items) {
    unlisted[item.kind] = Math.max(0, unlisted[item.kind] - 1)
    if (!item.done) open[item.kind]++
  }
  for (const kind of NOTE_ITEM_KINDS) open[kind] += unlisted[kind]
  return { open, unlisted }
}
