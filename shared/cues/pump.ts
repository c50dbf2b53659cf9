import { createStreamAnalyser } from './analyser'
import { CUE_FRAME_MS, type CueFrame, type VoiceDetector } from './frames'

/**
 * Both streams of a call into CueFrames: one analyser per stream, their 20 ms frames paired in
 * order and numbered from the start of capture. Pure: the AudioWorklet feeds it render quanta,
 * the offline evaluation whole files.
 */
export interface CuePump {
  /** Feeds the same span of both streams (a missing stream, e.g. an input not connected, is silence). */
  push(mic: Float32Array | undefined, caller: Float32Array | undefined): void
}

export interface CuePumpOptions {
  inputRate: number
  /** Makes one detector per stream (detectors keep state). */
  detector: () => VoiceDetector
  /** Called for every 20 ms of both streams, in order. */
  onFrame: (frame: CueFrame) => void
}

export function createCuePump({ inputRate, detector, onFrame }: CuePumpOptions): CuePump {
  const you = createStreamAnalyser({ inputRate, detector: detector() })
  const caller = createStreamAnalyser({ inputRate, detector: detector() })
  let silence = new Float32Array(0)
  let index = 0
  const quiet = (length: number) => {
    if (silence.length !== length) silence = new Float32Array(length)
    return silence
  }
  return {
    push(mic, heard) {
      const length = mic?.length ?? heard?.length ?? 0
      if (length === 0) return
      const youFrames = you.push(mic ?? quiet(length))
      const callerFrames = caller.push(heard ?? quiet(length))
      // Equal spans in, equal frame counts out: both analysers share the rate and the resampler.
      for (let i = 0; i < youFrames.length; i++) {
        const youFrame = youFrames[i]
        const callerFrame = callerFrames[i]
        if (!youFrame || !callerFrame) throw new Error('cue pump: the streams were fed unequal spans')
        onFrame({ t: index * CUE_FRAME_MS, you: youFrame, caller: callerFrame })
        index++
      }
    },
  }
}
