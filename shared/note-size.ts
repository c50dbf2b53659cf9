/** Notes may hold at most this many bytes of text (UTF-8), all fields together. Zod-free for the renderer. */
export const MAX_NOTE_BYTES = 100 * 1024

const encoder = new TextEncoder()

/** The size of a note's text in UTF-8 bytes, all fields and items together. */
export function noteBytes(note: {
  whatHappened: string
  callerWants: string
  resolved: string
  freeText: string
  items: readonly { text: string }[]
}): number {
  let bytes = 0
  for (const text of [note.whatHappened, note.callerWants, note.resolved, note.freeText])
    bytes += encoder.encode(text).length
  for (const item of note.items) bytes += encoder.encode(item.text).length
  return bytes
}
