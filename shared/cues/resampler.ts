/**
 * A streaming polyphase resampler between two integer rates whose ratio reduces to a small
 * fraction (48000→16000 is 3/1, 44100→16000 is 441/160, 8000→16000 is 1/2). Each output sample is
 * a Blackman-windowed sinc of the input, low-passed at 90 % of the lower rate's Nyquist frequency,
 * so nothing above 7.2 kHz folds into a 16 kHz output. The kernels are computed once; per output
 * sample it costs one dot product of a few dozen taps. Pure: runs in an AudioWorklet and in Node.
 */

/** Zero crossings of the sinc on each side of the centre: the filter's sharpness vs its cost. */
const ZERO_CROSSINGS = 6
/** Cut-off as a share of the lower rate's Nyquist frequency. */
const CUTOFF_SHARE = 0.9
/** More phases than this means the rates have no small common fraction (e.g. 44101 Hz). */
const MAX_PHASES = 1000

export interface Resampler {
  /** Feeds input samples; returns the output samples they complete (possibly none). */
  push(samples: Float32Array): Float32Array
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b]
  return a
}

/** A typed array's element; indices here are always in range. */
function value(array: Float32Array, index: number): number {
  return array[index] ?? 0
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x)
}

/** Creates a resampler from `inputRate` to `outputRate` (both whole Hz). */
export function createResampler(inputRate: number, outputRate: number): Resampler {
  if (!Number.isInteger(inputRate) || !Number.isInteger(outputRate) || inputRate <= 0 || outputRate <= 0) {
    throw new Error(`sample rates must be positive integers (${inputRate} → ${outputRate})`)
  }
  if (inputRate === outputRate) return { push: (samples) => samples.slice() }
  const divisor = gcd(inputRate, outputRate)
  // Output n sits at input position n·step/phases: `step` input samples per `phases` outputs.
  const step = inputRate / divisor
  const phases = outputRate / divisor
  if (phases > MAX_PHASES) throw new Error(`no small ratio between ${inputRate} and ${outputRate} Hz`)

  // The cut-off in cycles per input sample, and the kernel's half width in input samples.
  const cutoff = (CUTOFF_SHARE * Math.min(inputRate, outputRate)) / 2 / inputRate
  const half = Math.ceil(ZERO_CROSSINGS / (2 * cutoff))
  const taps = 2 * half
  // All phases' kernels in one array: phase p's taps start at p·taps.
  const kernels = new Float32Array(phases * taps)
  for (let phase = 0; phase < phases; phase++) {
    const kernel = kernels.subarray(phase * taps, (phase + 1) * taps)
    let sum = 0
    for (let k = 0; k < taps; k++) {
      // Tap k reads input (centre - half + 1 + k); its distance from the output's position.
      const distance = k - half + 1 - phase / phases
      const w = Math.abs(distance) >= half ? 0 : 0.42 + 0.5 * Math.cos((Math.PI * distance) / half)
      const blackman = w === 0 ? 0 : w + 0.08 * Math.cos((2 * Math.PI * distance) / half)
      const tap = 2 * cutoff * sinc(2 * cutoff * distance) * blackman
      kernel[k] = tap
      sum += tap
    }
    // Unity gain at DC for every phase, so an upsampled tone keeps its level.
    for (let k = 0; k < taps; k++) kernel[k] = value(kernel, k) / sum
  }

  // `history[0]` is input sample `base`; the stream is preceded by zeros so output 0 can be made.
  let history = new Float32Array(4096)
  let length = half - 1
  let base = -(half - 1)
  let next = 0 // the next output's index

  return {
    push(samples) {
      if (length + samples.length > history.length) {
        const grown = new Float32Array(Math.max(history.length * 2, length + samples.length))
        grown.set(history.subarray(0, length))
        history = grown
      }
      history.set(samples, length)
      length += samples.length
      const end = base + length // one past the last input sample held
      // Output n reads inputs up to floor(n·step/phases) + half, which must be below `end`.
      const last = Math.ceil(((end - half) * phases) / step) - 1 // the highest n whose inputs are all here
      const count = Math.max(0, last - next + 1)
      const out = new Float32Array(count)
      for (let i = 0; i < count; i++) {
        const position = (next + i) * step
        const centre = Math.floor(position / phases)
        const offset = (position - centre * phases) * taps
        const start = centre - half + 1 - base
        let acc = 0
        for (let k = 0; k < taps; k++) acc += value(kernels, offset + k) * value(history, start + k)
        out[i] = acc
      }
      next += count
      // Keep only what the next output still reads.
      const keepFrom = Math.floor((next * step) / phases) - half + 1
      const drop = Math.min(length, Math.max(0, keepFrom - base))
      if (drop > 0) {
        history.copyWithin(0, drop, length)
        length -= drop
        base += drop
      }
      return out
    },
  }
}
