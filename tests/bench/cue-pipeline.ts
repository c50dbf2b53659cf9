/**
 * The cues' per-frame pipeline offline, on every test dialogue: CPU time per second of audio for
 * both streams (analyser at the worklet's 48 kHz and at 16 kHz, fvad, rules), and per cue kind
 * precision, recall and median latency beyond the rule's hold. `benchCuePipeline()` is a bench
 * group; run alone: `npx tsx tests/bench/cue-pipeline.ts`.
 */
import { createCueEngine } from '../../shared/cues/engine'
import { createFvadDetector } from '../../shared/cues/fvad'
import { createCuePump } from '../../shared/cues/pump'
import { createResampler } from '../../shared/cues/resampler'
import { runDialogue, scoreRuns } from '../helpers/cue-evaluation'
import { buildDialogue, type Dialogue } from '../helpers/dialogues/build'
import { DIALOGUES } from '../helpers/dialogues/dialogues'
import { fvadModule } from '../helpers/fvad-module'
import { report } from './stats'

/** CPU ms per second of audio for the two streams at `rate` (the dialogues upsampled to it first). */
function pipelineCpu(dialogues: readonly Dialogue[], fvad: WebAssembly.Module, rate: number): number {
  let micros = 0
  let audioMs = 0
  for (const dialogue of dialogues) {
    const toRate = (samples: Int16Array) => {
      const float = Float32Array.from(samples, (s) => s / 32768)
      return rate === 16_000 ? float : createResampler(16_000, rate).push(float)
    }
    const mic = toRate(dialogue.samples.agent)
    const caller = toRate(dialogue.samples.caller)
    const engine = createCueEngine()
    const before = process.cpuUsage()
    const pump = createCuePump({
      inputRate: rate,
      detector: () => createFvadDetector(fvad, 2),
      onFrame: (frame) => void engine.push(frame),
    })
    const length = Math.min(mic.length, caller.length)
    for (let i = 0; i < length; i += 128) pump.push(mic.subarray(i, i + 128), caller.subarray(i, i + 128))
    const used = process.cpuUsage(before)
    micros += used.user + used.system
    audioMs += dialogue.truth.durationMs
  }
  return micros / 1000 / (audioMs / 1000)
}

export function benchCuePipeline(): void {
  const started = Date.now()
  const dialogues = DIALOGUES.map((d) => buildDialogue(d.recipe))
  report('cue_pipeline.dialogues_ready_ms', Date.now() - started, 'ms', { dialogues: dialogues.length })
  const fvad = fvadModule()
  for (const rate of [48_000, 16_000]) {
    const cpu = pipelineCpu(dialogues, fvad, rate)
    // ms of CPU per s of audio, two streams: 10 ms/s is 1 % of one core.
    report(`cue_pipeline.cpu_pct_${rate / 1000}k`, cpu / 10, '% of one core', { cpuMsPerAudioS: +cpu.toFixed(3) })
  }
  const scores = scoreRuns(dialogues.map((d) => runDialogue(d, fvad, 2)))
  for (const score of scores) {
    report(`cue_pipeline.${score.kind}.precision`, score.precision, 'ratio', { expected: score.expected })
    report(`cue_pipeline.${score.kind}.recall`, score.recall, 'ratio', { raised: score.raised })
    if (score.medianLatencyMs !== null) report(`cue_pipeline.${score.kind}.latency_ms`, score.medianLatencyMs, 'ms')
  }
  // The budgets: the worst kind's precision and recall on the bench's dialogues.
  report('cues.precision_min', Math.min(...scores.map((score) => score.precision)), 'ratio', { budget: 0.9 })
  report('cues.recall_min', Math.min(...scores.map((score) => score.recall)), 'ratio', { budget: 0.9 })
}

if (require.main === module) benchCuePipeline()
