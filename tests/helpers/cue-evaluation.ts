import { createCueEngine, cueKinds, type CueHit, type CueKind } from '../../shared/cues/engine'
import { createFvadDetector, type FvadMode } from '../../shared/cues/fvad'
import { createCuePump } from '../../shared/cues/pump'
import { CUE_THRESHOLDS, type CueThresholds } from '../../shared/cues/thresholds'
import type { Dialogue } from './dialogues/build'
import type { ExpectedCue } from './dialogues/truth'

/**
 * The offline evaluation of the whole per-frame pipeline on the test dialogues: both streams
 * through the analysers (at the AudioWorklet's render quantum), the fvad detector and the rules,
 * each cue the rules raise matched to the dialogue's true cues.
 */

/** Each kind's own hold: a cue cannot be decided sooner than this after its true onset. */
export const CUE_HOLD_MS: Record<CueKind, number> = {
  'let-them-finish': CUE_THRESHOLDS.overlapHoldMs,
  'keep-level': CUE_THRESHOLDS.youRaisedHoldMs,
  'caller-raised': CUE_THRESHOLDS.callerRaisedHoldMs,
  venting: CUE_THRESHOLDS.ventingMs,
}

/** A raised cue matches a true one of its kind when decided within this window around onset + hold. */
const EARLY_MS = 500
const LATE_MS = 2_000

export interface DialogueRun {
  name: string
  hits: CueHit[]
  expected: ExpectedCue[]
  /** Raised cues matched to a true cue, with their latency beyond the hold (ms). */
  matched: { kind: CueKind; latencyMs: number }[]
  /** Raised cues that match no true cue. */
  extra: CueHit[]
  /** True cues no raised cue matched. */
  missed: ExpectedCue[]
  /** CPU time of the pipeline for this dialogue (µs) and the audio's length (ms). */
  cpuMicros: number
  audioMs: number
}

export interface KindScore {
  kind: CueKind
  expected: number
  raised: number
  precision: number
  recall: number
  medianLatencyMs: number | null
}

/** Runs one dialogue through analyser → fvad → rules, fed in 128-sample render quanta. */
export function runDialogue(
  dialogue: Dialogue,
  fvad: WebAssembly.Module,
  mode: FvadMode,
  thresholds: CueThresholds = CUE_THRESHOLDS,
): DialogueRun {
  const engine = createCueEngine({ thresholds })
  const hits: CueHit[] = []
  const { caller, agent } = dialogue.samples
  const toFloat = (samples: Int16Array) => Float32Array.from(samples, (s) => s / 32768)
  const mic = toFloat(agent)
  const heard = toFloat(caller)
  const before = process.cpuUsage()
  const pump = createCuePump({
    inputRate: 16_000,
    detector: () => createFvadDetector(fvad, mode),
    onFrame: (frame) => {
      for (const signal of engine.push(frame)) {
        if (signal.type === 'cue') hits.push({ kind: signal.kind, at: signal.at, onset: signal.onset })
      }
    },
  })
  for (let i = 0; i < mic.length; i += 128) pump.push(mic.subarray(i, i + 128), heard.subarray(i, i + 128))
  const used = process.cpuUsage(before)

  const expected = dialogue.truth.cues
  const open = [...expected]
  const matched: DialogueRun['matched'] = []
  const extra: CueHit[] = []
  for (const hit of hits) {
    const hold = CUE_HOLD_MS[hit.kind]
    const index = open.findIndex(
      (cue) => cue.kind === hit.kind && hit.at >= cue.onset + hold - EARLY_MS && hit.at <= cue.onset + hold + LATE_MS,
    )
    const cue = open[index]
    if (cue) {
      matched.push({ kind: hit.kind, latencyMs: hit.at - cue.onset - hold })
      open.splice(index, 1)
    } else extra.push(hit)
  }
  return {
    name: dialogue.name,
    hits,
    expected,
    matched,
    extra,
    missed: open,
    cpuMicros: used.user + used.system,
    audioMs: dialogue.truth.durationMs,
  }
}

function median(values: number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Per kind: precision, recall and the median latency beyond the hold over all runs. */
export function scoreRuns(runs: readonly DialogueRun[]): KindScore[] {
  return cueKinds.map((kind) => {
    const matched = runs.flatMap((run) => run.matched.filter((m) => m.kind === kind))
    const raised = runs.reduce((n, run) => n + run.hits.filter((h) => h.kind === kind).length, 0)
    const expected = runs.reduce((n, run) => n + run.expected.filter((c) => c.kind === kind).length, 0)
    return {
      kind,
      expected,
      raised,
      precision: raised === 0 ? 1 : matched.length / raised,
      recall: expected === 0 ? 1 : matched.length / expected,
      medianLatencyMs: median(matched.map((m) => m.latencyMs)),
    }
  })
}
