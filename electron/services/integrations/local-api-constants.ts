/** Shared by the local API and `calmdeck-event`, which must load without the server code. */
export const EVENTS_PATH = '/v1/events'
/** The port tried first; when it is taken, any free port (the port file says which). */
export const DEFAULT_API_PORT = 4781
/** Request bodies larger than this are refused with 413. */
export const MAX_BODY_BYTES = 4 * 1024
