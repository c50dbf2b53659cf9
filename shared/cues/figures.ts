import { z } from 'zod'
import type { CallCueFigures } from './engine'

/** Longest call the figures describe: 24 hours in ms. */
const MAX_MS = 24 * 60 * 60 * 1000
const ms = z.number().int().min(0).max(MAX_MS)

/**
 * One call's figures from its sound levels, as the window sends them at the call's end and the
 * host stores them (`call_cues`). Your own figures (`youMs`, `youRaisedMs`, `talkOvers`) are
 * private: they never leave this machine.
 */
export const callCueFiguresSchema = z
  .strictObject({
    durationMs: ms,
    youMs: ms,
    callerMs: ms,
    silenceMs: ms,
    overlapMs: ms,
    talkOvers: z.number().int().min(0).max(100_000),
    callerLongestMs: ms,
    callerRaisedMs: ms,
    youRaisedMs: ms,
  })
  .refine(
    (f) => Math.max(f.youMs, f.callerMs, f.silenceMs, f.overlapMs, f.callerLongestMs) <= f.durationMs,
    'no part can be longer than the time listened to',
  ) satisfies z.ZodType<CallCueFigures>

/** Figures with the call they belong to. */
export const callCuesSchema = z.strictObject({ callId: z.number().int().positive(), figures: callCueFiguresSchema })
export type CallCues = z.infer<typeof callCuesSchema>

/** The figures about the agent's own voice: the ones that never reach a team. */
export const privateCueFigures = [
  'youMs',
  'youRaisedMs',
  'talkOvers',
  'overlapMs',
] as const satisfies readonly (keyof CallCueFigures)[]

/** Share of the call, 0–100, for showing: you, the caller, silence (overlap counts for both). */
export function talkShares(figures: CallCueFigures): { you: number; caller: number; silence: number } {
  const total = figures.durationMs || 1
  const pct = (value: number) => Math.round((value / total) * 100)
  return { you: pct(figures.youMs), caller: pct(figures.callerMs), silence: pct(figures.silenceMs) }
}
