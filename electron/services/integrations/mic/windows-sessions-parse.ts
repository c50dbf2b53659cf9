import { z } from 'zod'
import type { MicUse } from './monitor'

/**
 * One line of `resources/mic/capture-sessions.ps1`: the processes with an active Core Audio
 * capture session, or why Core Audio could not be read. Windows PowerShell 5.1 writes a
 * one-element array as a bare object; both forms are taken.
 */
const session = z.object({ pid: z.number().int().positive(), exe: z.string().min(1) })
const line = z.union([
  z.object({
    ok: z.literal(true),
    sessions: z
      .union([z.array(session), session])
      .nullable()
      .optional(),
  }),
  z.object({ ok: z.literal(false), error: z.string().max(200) }),
])

export type SessionReport = { ok: true; uses: MicUse[] } | { ok: false; error: string }

/** null: not a line of the script (a PowerShell warning, a partial line). */
export function parseSessionLine(text: string): SessionReport | null {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return null
  }
  const parsed = line.safeParse(json)
  if (!parsed.success) return null
  if (!parsed.data.ok) return { ok: false, error: parsed.data.error.replace(/[^\w.-]/g, '') || 'error' }
  const sessions = ([] as z.infer<typeof session>[]).concat(parsed.data.sessions ?? [])
  return { ok: true, uses: sessions.map((s) => ({ app: s.exe, pid: s.pid })) }
}
