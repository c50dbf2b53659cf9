import { z } from 'zod'
import type { ExternalCallEvent } from '../../../shared/call-events'

/** An event message from baresip's ctrl_tcp. baresip adds fields over versions: unknown ones are ignored. */
const baresipEventSchema = z.object({
  event: z.literal(true),
  type: z.string().max(64),
  direction: z.string().max(16).optional(),
  peeruri: z.string().max(1000).optional(),
  id: z.string().min(1).max(200).optional(),
})

/** A command's answer: `{"response":true,"ok":…,"data":…,"token":…}`. */
export const baresipResponseSchema = z.object({
  response: z.literal(true),
  ok: z.boolean(),
  data: z.string().optional(),
  token: z.string().optional(),
})
export type BaresipResponse = z.infer<typeof baresipResponseSchema>

const MAX_TRACKED = 50

/**
 * Turns baresip's call events into ours. CALL_INCOMING and CALL_OUTGOING mean ringing;
 * CALL_ESTABLISHED, connected; CALL_CLOSED is `failed` for a call seen ringing and never
 * connected, otherwise `ended` (a call whose start CalmDeck missed is still recorded). Other
 * events (SDP, ringing tones, registration) are not about a call starting or ending.
 */
export class BaresipEventMapper {
  /** Ids of calls seen ringing and not (yet) connected. */
  private readonly ringing: string[] = []

  map(message: unknown): ExternalCallEvent | null {
    const parsed = baresipEventSchema.safeParse(message)
    if (!parsed.success) return null
    const { type, direction, peeruri, id } = parsed.data
    const base = {
      ...(peeruri ? { number: peeruri.slice(0, 200) } : {}),
      ...(direction === 'incoming' ? { direction: 'inbound' as const } : {}),
      ...(direction === 'outgoing' ? { direction: 'outbound' as const } : {}),
      ...(id ? { externalId: id } : {}),
    }
    switch (type) {
      case 'CALL_INCOMING':
        if (id) this.remember(id)
        return { type: 'incoming', ...base, direction: 'inbound' }
      case 'CALL_OUTGOING':
        if (id) this.remember(id)
        return { type: 'incoming', ...base, direction: 'outbound' }
      case 'CALL_ESTABLISHED':
        if (id) this.forget(id)
        return { type: 'answered', ...base }
      case 'CALL_CLOSED':
        return { type: id && this.forget(id) ? 'failed' : 'ended', ...base }
      default:
        return null
    }
  }

  private remember(id: string): void {
    if (this.ringing.includes(id)) return
    this.ringing.push(id)
    if (this.ringing.length > MAX_TRACKED) this.ringing.shift()
  }

  private forget(id: string): boolean {
    const index = this.ringing.indexOf(id)
    if (index < 0) return false
    this.ringing.splice(index, 1)
    return true
  }
}
