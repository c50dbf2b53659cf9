/** Limits shared by schemas and the renderer. Kept free of zod so the renderer can import them. */

/** Free text on an event (a "mark"), at most this long. */
export const MAX_EVENT_TEXT = 2000
/** How long after logging an event it can be undone. */
export const UNDO_WINDOW_MS = 10_000
/** How many of the open call's latest events every change carries to the windows. */
export const RECENT_EVENTS = 5
