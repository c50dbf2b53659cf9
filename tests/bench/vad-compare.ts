/**
 * Which voice-activity detector the cues use, by measurement: WebRTC's VAD (libfvad in WASM,
 * modes 0–3) against Silero v5 (onnxruntime-web, default thresholds 0.3/0.25), on the test
 * dialogues. For each: frame-level precision and recall against the dialogues' true speech
 * (the clean voice, 20 ms frames) on the streams as captured (noise, phone line, echo), and CPU
 * time per second of audio (the detector alone, one thread).
 *
 * Run (Silero is not a dependency of the app; install it outside the repo first):
 *   npm i --prefix /tmp/silero @ricky0123/vad-web onnxruntime-web
 *   SILERO_PREFIX=/tmp/silero npx tsx tests/bench/vad-compare.ts
 * Without SILERO_PREFIX only fvad is measured. Prints one JSON object per detector and a table.
 */
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { CUE_FRAME_SAMPLES } from '../../shared/cues/frames'
import { createFvadDetector, type FvadMode } from '../../shared/cues/fvad'
import { buildDialogue, type Dialogue } from '../helpers/dialogues/build'
import { DIALOGUES } from '../helpers/dialogues/dialogues'
import { fvadModule } from '../helpers/fvad-module'

type Side = 'caller' | 'agent'
/** Per 20 ms frame of one stream, voice or not. */
type FrameDecider = (samples: Int16Array) => Promise<boolean[]>

interface Counts {
  tp: number
  fp: number
  fn: number
  tn: number
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 })

function score(counts: Counts, decided: readonly boolean[], truth: string): void {
  decided.forEach((voice, i) => {
    const real = truth[i] === '1'
    if (voice && real) counts.tp++
    else if (voice) counts.fp++
    else if (real) counts.fn++
    else counts.tn++
  })
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b)

async function measure(name: string, decide: FrameDecider, dialogues: readonly Dialogue[]) {
  const all = empty()
  /** The microphone in the speaker cases: the echo is the caller, not the agent (the gate's job). */
  const echo = empty()
  let cpuMicros = 0
  let audioMs = 0
  for (const dialogue of dialogues) {
    for (const side of ['caller', 'agent'] as Side[]) {
      const samples = dialogue.samples[side]
      const before = process.cpuUsage()
      const decided = await decide(samples)
      const used = process.cpuUsage(before)
      cpuMicros += used.user + used.system
      audioMs += dialogue.truth.durationMs
      const isEcho = side === 'agent' && dialogue.name.startsWith('echo-')
      score(isEcho ? echo : all, decided, dialogue.truth.voiced[side])
    }
  }
  const result = {
    detector: name,
    precision: +ratio(all.tp, all.tp + all.fp).toFixed(3),
    recall: +ratio(all.tp, all.tp + all.fn).toFixed(3),
    /** On the microphone with the caller's echo on it: how much of the echo it calls voice. */
    echoPrecision: +ratio(echo.tp, echo.tp + echo.fp).toFixed(3),
    echoRecall: +ratio(echo.tp, echo.tp + echo.fn).toFixed(3),
    cpuMsPerAudioS: +(cpuMicros / 1000 / (audioMs / 1000)).toFixed(3),
  }
  console.log(JSON.stringify(result))
  return result
}

function fvadDecider(module: WebAssembly.Module, mode: FvadMode): FrameDecider {
  return async (samples) => {
    const detector = createFvadDetector(module, mode)
    const out: boolean[] = []
    for (let i = 0; i + CUE_FRAME_SAMPLES <= samples.length; i += CUE_FRAME_SAMPLES) {
      out.push(detector.isVoice(samples.subarray(i, i + CUE_FRAME_SAMPLES)))
    }
    return out
  }
}

/** The parts of onnxruntime-web this script uses. */
interface Ort {
  env: { wasm: { numThreads: number } }
  Tensor: new (type: string, data: Float32Array | BigInt64Array, dims: number[]) => { data: ArrayLike<number> }
  InferenceSession: {
    create(file: string): Promise<{
      run(feeds: Record<string, unknown>): Promise<Record<string, { data: ArrayLike<number> } | undefined>>
    }>
  }
}

/**
 * Silero v5 as @ricky0123/vad-web runs it: 512-sample windows with 64 samples of context, state
 * carried over, speech from ≥ 0.3 until < 0.25 (its default thresholds, without its segment-level
 * redemption/min-speech smoothing, which the cue rules do themselves). A 20 ms frame takes the
 * decision of the window holding its middle sample.
 */
async function sileroDecider(prefix: string): Promise<FrameDecider> {
  const dist = path.join(prefix, 'node_modules', 'onnxruntime-web', 'dist')
  const ort = (await import(pathToFileURL(path.join(dist, 'ort.node.min.mjs')).href)) as Ort
  ort.env.wasm.numThreads = 1
  const model = path.join(prefix, 'node_modules', '@ricky0123', 'vad-web', 'dist', 'silero_vad_v5.onnx')
  const session = await ort.InferenceSession.create(model)
  const sr = new ort.Tensor('int64', BigInt64Array.from([16_000n]), [])
  return async (samples) => {
    let state = new ort.Tensor('float32', new Float32Array(256), [2, 1, 128])
    let context = new Float32Array(64)
    const windows: boolean[] = []
    let speaking = false
    for (let i = 0; i + 512 <= samples.length; i += 512) {
      const input = new Float32Array(64 + 512)
      input.set(context)
      for (let j = 0; j < 512; j++) input[64 + j] = (samples[i + j] ?? 0) / 32768
      context = input.slice(-64)
      const out = await session.run({ input: new ort.Tensor('float32', input, [1, 576]), state, sr })
      const probability = out.output?.data[0] ?? 0
      if (out.stateN) state = out.stateN
      speaking = speaking ? probability >= 0.25 : probability >= 0.3
      windows.push(speaking)
    }
    const frames: boolean[] = []
    for (let i = 0; i + CUE_FRAME_SAMPLES <= samples.length; i += CUE_FRAME_SAMPLES) {
      frames.push(windows[Math.floor((i + CUE_FRAME_SAMPLES / 2) / 512)] ?? false)
    }
    return frames
  }
}

async function main(): Promise<void> {
  const started = Date.now()
  const dialogues = DIALOGUES.map((d) => buildDialogue(d.recipe))
  console.error(`dialogues ready in ${Date.now() - started} ms`)
  const module = fvadModule()
  const rows = []
  for (const mode of [0, 1, 2, 3] as const)
    rows.push(await measure(`fvad mode ${mode}`, fvadDecider(module, mode), dialogues))
  const prefix = process.env.SILERO_PREFIX
  if (prefix) rows.push(await measure('silero v5 (0.3/0.25)', await sileroDecider(prefix), dialogues))
  else console.error('SILERO_PREFIX not set: Silero not measured')
  console.table(rows)
}

void main()
