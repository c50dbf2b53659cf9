import { createHmac } from 'node:crypto'
import type { TeamChannel } from './channel'
import { JSON_HEADERS } from './channel'

/** The generic webhook's body format and version (documented in README, "Team channel"). */
export const WEBHOOK_FORMAT = 'calmdeck.team-message'
export const WEBHOOK_VERSION = 1

/** `sha256=<hex>` HMAC-SHA256 of the exact body bytes with the shared secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`
}

/**
 * A generic JSON webhook for ticketing and automation tools: `{format, version, idempotencyKey,
 * message}` where `message` is the outbox's message as it is (`teamMessageSchema`). The key is
 * also sent as `Idempotency-Key`; with a shared secret, `X-CalmDeck-Signature` signs the body.
 */
export const webhookChannel: TeamChannel = {
  kind: 'webhook',
  render(message, { key, secret }) {
    const body = JSON.stringify({ format: WEBHOOK_FORMAT, version: WEBHOOK_VERSION, idempotencyKey: key, message })
    const headers: Record<string, string> = { ...JSON_HEADERS, 'Idempotency-Key': key }
    if (secret) headers['X-CalmDeck-Signature'] = signBody(body, secret)
    return { body, headers }
  },
}
