import { CUE_FRAME_SAMPLES, CUE_SAMPLE_RATE, SILENCE_DB, type SideFrame, type VoiceDetector } from './frames'
import { createResampler } from './resampler'

/**
 * One stream's analysis: samples at any rate in, 20 ms SideFrames at 16 kHz out. Pure and
 * allocation-light, so the same code runs in the AudioWorklet (128-sample render quanta) and in
 * Node (the offline evaluation and the benchmarks).
 */
export interface StreamAnalyser {
  /** Feeds samples (−1…1) at the input rate; returns the frames they complete, oldest first. */
  push(samples: Float32Array): SideFrame[]
}

export interface StreamAnalyserOptions {
  /** The input's sample rate in Hz (an AudioContext's sampleRate: 48000, 44100, 16000, 8000, …). */
  inputRate: number
  detector: VoiceDetector
}

/** A frame's level: RMS in dBFS (a full-scale square is 0 dBFS, a full-scale sine −3.01), SILENCE_DB for digital silence. */
export function levelDb(sumOfSquares: number, count: number): number {
  if (sumOfSquares <= 0) return SILENCE_DB
  return Math.max(SILENCE_DB, 10 * Math.log10(sumOfSquares / count))
}

/** Creates the analyser for one stream. */
export function createStreamAnalyser({ inputRate, detector }: StreamAnalyserOptions): StreamAnalyser {
  const resampler = createResampler(inputRate, CUE_SAMPLE_RATE)
  const frame = new Int16Array(CUE_FRAME_SAMPLES)
  let filled = 0
  let sumOfSquares = 0

  return {
    push(samples) {
      const resampled = resampler.push(samples)
      const frames: SideFrame[] = []
      for (const sample of resampled) {
        sumOfSquares += sample * sample
        const scaled = Math.round(sample * 32768)
        frame[filled++] = scaled > 32767 ? 32767 : scaled < -32768 ? -32768 : scaled
        if (filled === CUE_FRAME_SAMPLES) {
          const level = levelDb(sumOfSquares, CUE_FRAME_SAMPLES)
          // Digital silence holds no voice: the detector is not asked.
          frames.push({ levelDb: level, voiced: level > SILENCE_DB && detector.isVoice(frame) })
          filled = 0
          sumOfSquares = 0
        }
      }
      return frames
    },
  }
}
