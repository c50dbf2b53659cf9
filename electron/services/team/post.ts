/** What one attempt to deliver a message came to. */
export type PostOutcome =
  | { type: 'sent' }
  /** Worth trying again later: offline, a timeout, 5xx, 408 or 429 (`retryAfterMs` from Retry-After). */
  | { type: 'retry'; reason: string; retryAfterMs: number | null }
  /** Refused for good (other 4xx, a redirect): shown to the agent with the reason. */
  | { type: 'failed'; reason: string }

export interface PostRequest {
  url: string
  body: string
  headers: Readonly<Record<string, string>>
}

export type Post = (request: PostRequest) => Promise<PostOutcome>

/** Longest a Retry-After is honoured; a larger one is capped. */
const MAX_RETRY_AFTER_MS = 60 * 60_000

/**
 * Sends one POST with Node's fetch: TLS verified (the default, never turned off), a short
 * timeout, and no redirect followed (a redirect could carry the body to another host). The
 * reason it gives names the status or the kind of network failure, never the URL.
 */
export function httpPost(options: { timeoutMs: number; now?: () => number }): Post {
  const now = options.now ?? Date.now
  return async ({ url, body, headers }) => {
    let response: Response
    try {
      response = await fetch(url, {
        method: 'POST',
        body,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      })
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      return { type: 'retry', reason: timedOut ? 'timed out' : 'no connection', retryAfterMs: null }
    }
    // The body is never needed; drop it so the connection is freed.
    await response.body?.cancel().catch(() => {})
    return classify(response.status, response.headers.get('retry-after'), now())
  }
}

/** The one rule for what an HTTP status means for a message. */
export function classify(status: number, retryAfter: string | null, nowMs: number): PostOutcome {
  if (status >= 200 && status < 300) return { type: 'sent' }
  if (status === 429 || status === 408 || status >= 500)
    return { type: 'retry', reason: `HTTP ${status}`, retryAfterMs: parseRetryAfter(retryAfter, nowMs) }
  if (status >= 300 && status < 400) return { type: 'failed', reason: `HTTP ${status} (redirect not followed)` }
  return { type: 'failed', reason: `HTTP ${status}` }
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed) * 1000, MAX_RETRY_AFTER_MS)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.min(Math.max(0, at - nowMs), MAX_RETRY_AFTER_MS)
}
