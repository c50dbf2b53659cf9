import { describe, expect, it } from 'vitest'
import { createStreamAnalyser } from '../../../shared/cues/analyser'
import { CUE_FRAME_SAMPLES, SILENCE_DB, type SideFrame, type VoiceDetector } from '../../../shared/cues/frames'
import { createResampler } from '../../../shared/cues/resampler'

const RATES = [48_000, 44_100, 16_000, 8_000]

/** A detector that calls a frame voiced when any sample is louder than a threshold, counting its calls. */
function loudDetector(threshold = 1000): VoiceDetector & { calls: number } {
  return {
    calls: 0,
    isVoice(frame) {
      this.calls++
      expect(frame).toHaveLength(CUE_FRAME_SAMPLES)
      return frame.some((sample) => Math.abs(sample) > threshold)
    },
  }
}

function sine(rate: number, seconds: number, hz: number, amplitude: number): Float32Array {
  const samples = new Float32Array(Math.round(rate * seconds))
  for (let i = 0; i < samples.length; i++) samples[i] = amplitude * Math.sin((2 * Math.PI * hz * i) / rate)
  return samples
}

/** Pushes `samples` in chunks of `size` (the AudioWorklet's render quantum is 128). */
function pushChunked(push: (chunk: Float32Array) => SideFrame[], samples: Float32Array, size: number): SideFrame[] {
  const frames: SideFrame[] = []
  for (let i = 0; i < samples.length; i += size) frames.push(...push(samples.subarray(i, i + size)))
  return frames
}

describe('createStreamAnalyser', () => {
  for (const rate of RATES) {
    it(`reads a 440 Hz sine at ${rate} Hz at its RMS level in dBFS`, () => {
      // Amplitude 0.25: RMS 0.25/√2, 20·log10 = −15.05 dBFS.
      const expected = 20 * Math.log10(0.25 / Math.SQRT2)
      const analyser = createStreamAnalyser({ inputRate: rate, detector: loudDetector() })
      const frames = pushChunked(analyser.push, sine(rate, 1, 440, 0.25), 128)
      expect(frames.length).toBeGreaterThanOrEqual(48)
      // The first frame holds the filter's start-up ramp; every later one is the steady tone.
      for (const frame of frames.slice(1)) {
        // 20 ms holds 8.8 cycles of 440 Hz, so a frame's RMS wobbles by under 0.1 dB around the tone's.
        expect(Math.abs(frame.levelDb - expected)).toBeLessThan(0.1)
        expect(frame.voiced).toBe(true)
      }
    })

    it(`gives SILENCE_DB for digital silence at ${rate} Hz without asking the detector`, () => {
      const detector = loudDetector()
      const analyser = createStreamAnalyser({ inputRate: rate, detector })
      const frames = pushChunked(analyser.push, new Float32Array(rate), 128)
      expect(frames.length).toBeGreaterThanOrEqual(48)
      for (const frame of frames) expect(frame).toEqual({ levelDb: SILENCE_DB, voiced: false })
      expect(detector.calls).toBe(0)
    })

    it(`cuts exactly 50 frames per second at ${rate} Hz, whatever the chunk sizes`, () => {
      const input = sine(rate, 3, 440, 0.25)
      const whole = createStreamAnalyser({ inputRate: rate, detector: loudDetector() }).push(input)
      for (const size of [128, 127, 441, 1]) {
        const chunked = pushChunked(
          createStreamAnalyser({ inputRate: rate, detector: loudDetector() }).push,
          input,
          size,
        )
        expect(chunked).toEqual(whole)
      }
      // The filter holds back at most a few ms: every whole frame but the last is out after 3 s.
      expect(whole.length).toBeGreaterThanOrEqual(149)
      expect(whole.length).toBeLessThanOrEqual(150)
      // Two more seconds complete exactly 250 frames in all.
      const analyser = createStreamAnalyser({ inputRate: rate, detector: loudDetector() })
      const total = pushChunked(analyser.push, sine(rate, 5.01, 440, 0.25), 128)
      expect(total.length).toBe(250)
    })

    it(`places a tone burst in the frames where it is, at ${rate} Hz`, () => {
      // Silence, then a tone from 400 ms to 600 ms, then silence: frames 20–29 carry it.
      const input = new Float32Array(rate)
      const tone = sine(rate, 0.2, 440, 0.5)
      input.set(tone, Math.round(rate * 0.4))
      const frames = pushChunked(createStreamAnalyser({ inputRate: rate, detector: loudDetector() }).push, input, 128)
      const loud = frames.flatMap((frame, index) => (frame.levelDb > -20 ? [index] : []))
      expect(loud).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29])
    })
  }

  it('keeps a tone above the new Nyquist frequency out when downsampling (anti-aliasing)', () => {
    // 12 kHz would fold to 4 kHz at 16 kHz without a low-pass; the filter takes it down ≥ 50 dB.
    for (const rate of [48_000, 44_100]) {
      const frames = createStreamAnalyser({ inputRate: rate, detector: loudDetector() }).push(
        sine(rate, 1, 12_000, 0.5),
      )
      for (const frame of frames.slice(2)) expect(frame.levelDb).toBeLessThan(20 * Math.log10(0.5 / Math.SQRT2) - 50)
    }
  })

  it('passes speech-band tones at full level (a 3.4 kHz tone loses less than 0.5 dB)', () => {
    for (const rate of RATES.filter((r) => r !== 8_000)) {
      const frames = createStreamAnalyser({ inputRate: rate, detector: loudDetector() }).push(sine(rate, 1, 3_400, 0.5))
      for (const frame of frames.slice(2)) {
        expect(Math.abs(frame.levelDb - 20 * Math.log10(0.5 / Math.SQRT2))).toBeLessThan(0.5)
      }
    }
  })
})

describe('createResampler', () => {
  it('refuses rates without a small common ratio', () => {
    expect(() => createResampler(44_101, 16_000)).toThrow(/no small ratio/)
    expect(() => createResampler(0, 16_000)).toThrow(/positive integers/)
  })
})
