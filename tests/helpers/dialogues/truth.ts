import { z } from 'zod'
import { cueKinds, type CueKind } from '../../../shared/cues/engine'
import { CUE_FRAME_MS } from '../../../shared/cues/frames'
import { CUE_THRESHOLDS } from '../../../shared/cues/thresholds'

/**
 * A dialogue's ground truth: where each person really speaks (from the clean voice, before gain,
 * noise, phone line or echo) and the cues the definitions call for, with their true onsets. The
 * definitions are applied to the truth, not to frames, with the thresholds from
 * `shared/cues/thresholds.ts`.
 */

/** One line as heard: its first and last voiced ms, its level step, and whether it is a backchannel. */
export const segmentSchema = z.object({
  start: z.number(),
  end: z.number(),
  gainDb: z.number(),
  backchannel: z.boolean(),
  /** The ms of voiced frames in it. */
  voicedMs: z.number(),
})
export type Segment = z.infer<typeof segmentSchema>

export const expectedCueSchema = z.object({ kind: z.enum(cueKinds), onset: z.number() })
export type ExpectedCue = z.infer<typeof expectedCueSchema>

export const truthSchema = z.object({
  durationMs: z.number(),
  segments: z.object({ caller: z.array(segmentSchema), agent: z.array(segmentSchema) }),
  /** Per 20 ms frame, '1' where the person's clean voice is active, '0' elsewhere. */
  voiced: z.object({ caller: z.string(), agent: z.string() }),
  cues: z.array(expectedCueSchema),
})
export type Truth = z.infer<typeof truthSchema>

const rules = CUE_THRESHOLDS

/** Raised runs: lines at or above `db` over the usual level, joined over gaps shorter than `windowMs`. */
function raisedOnsets(segments: readonly Segment[], db: number, holdMs: number, windowMs: number): number[] {
  const onsets: number[] = []
  let run: { onset: number; end: number; voicedMs: number } | null = null
  const close = () => {
    if (run && run.voicedMs >= holdMs) onsets.push(run.onset)
    run = null
  }
  for (const segment of segments) {
    if (segment.gainDb < db) {
      close()
      continue
    }
    if (run && segment.start - run.end > windowMs - holdMs) close()
    run ??= { onset: segment.start, end: segment.end, voicedMs: 0 }
    run.end = segment.end
    run.voicedMs += segment.voicedMs
  }
  close()
  return onsets
}

/** Overlaps: the agent starts a line (not a backchannel) inside a caller's line and both go on ≥ the hold. */
function overlapOnsets(caller: readonly Segment[], agent: readonly Segment[]): number[] {
  const onsets: number[] = []
  for (const line of agent) {
    if (line.backchannel) continue
    const during = caller.find((c) => c.start < line.start && line.start < c.end)
    if (during && Math.min(during.end, line.end) - line.start >= rules.overlapHoldMs) onsets.push(line.start)
  }
  return onsets
}

/** Venting: the caller's lines joined over gaps shorter than the venting gap, lasting ≥ the venting time. */
function ventingOnsets(caller: readonly Segment[]): number[] {
  const onsets: number[] = []
  let start: number | null = null
  let end = 0
  let fired = false
  for (const line of caller) {
    if (start === null || line.start - end >= rules.ventingGapMs) {
      start = line.start
      fired = false
    }
    end = line.end
    if (!fired && end - start >= rules.ventingMs) {
      onsets.push(start)
      fired = true
    }
  }
  return onsets
}

/** Keeps each kind's onsets at least the cooldown apart (the rules show each kind at most once per 30 s). */
function cooled(kind: CueKind, onsets: readonly number[]): ExpectedCue[] {
  const kept: ExpectedCue[] = []
  for (const onset of onsets) {
    const last = kept.at(-1)
    if (!last || onset - last.onset >= rules.cueCooldownMs) kept.push({ kind, onset })
  }
  return kept
}

/** The cues the definitions call for on this timeline, in onset order. */
export function expectedCues(caller: readonly Segment[], agent: readonly Segment[]): ExpectedCue[] {
  return [
    ...cooled('let-them-finish', overlapOnsets(caller, agent)),
    ...cooled('keep-level', raisedOnsets(agent, rules.youRaisedDb, rules.youRaisedHoldMs, rules.youRaisedWindowMs)),
    ...cooled(
      'caller-raised',
      raisedOnsets(caller, rules.callerRaisedDb, rules.callerRaisedHoldMs, rules.callerRaisedWindowMs),
    ),
    ...cooled('venting', ventingOnsets(caller)),
  ].sort((a, b) => a.onset - b.onset)
}

/** Frame-level truth as a string of '0'/'1', one per CUE_FRAME_MS. */
export function voicedString(segmentsFrames: Uint8Array): string {
  let out = ''
  for (const value of segmentsFrames) out += value ? '1' : '0'
  return out
}

/** The frame index of a time in ms. */
export function frameOf(ms: number): number {
  return Math.floor(ms / CUE_FRAME_MS)
}
