/** Error codes every host may answer with. The renderer switches on these, never on messages. */
export const errorCodes = [
  'unknown-channel',
  'invalid-request',
  'invalid-deck',
  'not-found',
  'conflict',
  'storage',
  'unavailable',
  'internal',
  /** Set by the organisation's policy: the agent cannot change it. */
  'locked',
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** One problem in a request or an imported file, with the path to the offending value. */
export interface Issue {
  path: string
  message: string
}

export interface AppErrorData {
  code: ErrorCode
  message: string
  issues?: Issue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData }

/** An error a service throws on purpose: its message is safe to show to the user. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message)
    this.name = 'AppError'
  }

  toData(): AppErrorData {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message }
  }
}

/** Renders a zod-style path (`['cards', 3, 'title']`) as `cards[3].title`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out === '' ? '(root)' : out
}
