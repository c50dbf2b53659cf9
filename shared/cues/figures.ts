import { z } from 'zod'
import type { CallCueFigures } from './engine'

/** Longest call the figures describe: 24 hours in ms. */
const MAX_MS = 24 * 60 * 60 * 1000
const ms = z.number().int().min(0).max(MAX_MS)

/**
 * One call's figures from its sound levels, as the window sends them at the call's end and the
 * host stores them (`call_cues`). Your own figures (`privateCueFigures`) are private: they never
 * leave this machine.
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

/** The figures of the calls cues followed in a range, added up, and how many calls they are. */
export const cueSummarySchema = z.strictObject({
  calls: z.number().int().min(0),
  durationMs: z.number().int().min(0),
  youMs: z.number().int().min(0),
  callerMs: z.number().int().min(0),
  silenceMs: z.number().int().min(0),
  overlapMs: z.number().int().min(0),
  talkOvers: z.number().int().min(0),
  callerLongestMs: z.number().int().min(0),
  callerRaisedMs: z.number().int().min(0),
  youRaisedMs: z.number().int().min(0),
})
export type CueSummary = z.infer<typeof cueSummarySchema>

/** Figures with the call they belong to. */
export const callCuesSchema = z.strictObject({ callId: z.number().int().positive(), figures: callCueFiguresSchema })
export type CallCues = z.infer<typeof callCuesSchema>

/**
 * The figures about the agent's own voice: the ones that never reach a team. Silence is one of
 * them: beside the time listened to and the caller's time it gives the time only you spoke
 * (durationMs − callerMs − silenceMs).
 */
export const privateCueFigures = [
  'youMs',
  'youRaisedMs',
  'talkOvers',
  'overlapMs',
  'silenceMs',
] as const satisfies readonly (keyof CallCueFigures)[]
export type PrivateCueFigure = (typeof privateCueFigures)[number]

/** One call's figures as they may leave this machine: the caller's side only. */
export type SharedCueFigures = Omit<CallCueFigures, PrivateCueFigure>

/** The figures without those about the agent's own voice (for anything a team can read). */
export function withoutPrivateFigures(figures: SharedCueFigures & Partial<CallCueFigures>): SharedCueFigures {
  const shared: Partial<CallCueFigures> = { ...figures }
  for (const key of privateCueFigures) delete shared[key]
  return shared as SharedCueFigures
}

/** Share of the call, 0–100, for showing: you, the caller, silence (overlap counts for both). */
export function talkShares(figures: CallCueFigures): { you: number; caller: number; silence: number } {
  const pct = (value: number) => sharePct(value, figures.durationMs)
  return { you: pct(figures.youMs), caller: pct(figures.callerMs), silence: pct(figures.silenceMs) }
}

/** One part's share of the time listened to, 0–100 (see talkShares). */
export function sharePct(ms: number, durationMs: number): number {
  return Math.round((ms / (durationMs || 1)) * 100)
}
