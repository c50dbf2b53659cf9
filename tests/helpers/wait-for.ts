/**
 * How long a test waits for a state, at most. Generous on purpose: the machine may be busy (CI,
 * other builds), which makes a test slow, never wrong. A wait ends as soon as the state holds.
 */
export const WAIT_MS = 20_000

/**
 * Polls `check` until it returns a value (anything but null, undefined or false), for at most
 * `ms`; fails naming `what` otherwise. Waits for a state, never for a time.
 */
export async function waitFor<T>(
  what: string,
  check: () => T | null | undefined | false | Promise<T | null | undefined | false>,
  ms = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await check()
    if (value !== null && value !== undefined && value !== false) return value
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
