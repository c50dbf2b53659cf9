import crypto from 'node:crypto'
import { z } from 'zod'
import type { KeyValueStore } from '../settings/settings-service'

const AGENT_ID_KEY = 'agent-id'
const agentIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/)

/**
 * This installation's random agent id (made on first use, then kept): what tells agents apart in
 * the team folder without naming them. Not derived from anything about the person or machine.
 */
export function agentId(store: KeyValueStore): string {
  const stored = store.read(AGENT_ID_KEY, agentIdSchema)
  if (stored) return stored
  const id = crypto.randomUUID()
  store.write(AGENT_ID_KEY, id)
  return id
}
