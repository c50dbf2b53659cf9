import type { TeamChannelKind, TeamMessage } from '../../../shared/team'
import type { TeamTexts } from './message-facts'

/** What a channel adapter is given besides the message. */
export interface RenderContext {
  /** The message's idempotency key (stable across retries). */
  key: string
  texts: TeamTexts
  /** The shared secret for signing ('' for none); only the generic webhook uses it. */
  secret: string
}

export interface RenderedPost {
  body: string
  headers: Record<string, string>
}

/** One kind of team channel: turns a message into the POST that channel expects. */
export interface TeamChannel {
  kind: TeamChannelKind
  render(message: TeamMessage, context: RenderContext): RenderedPost
}

export const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8' } as const
