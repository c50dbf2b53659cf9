import { CUE_FRAME_SAMPLES, CUE_SAMPLE_RATE, type VoiceDetector } from './frames'

/**
 * WebRTC's voice-activity detector (libfvad) from `@echogarden/fvad-wasm`'s 20 KB of WASM, run
 * without its Emscripten loader: an AudioWorklet can neither fetch nor import the loader's
 * environment probes, so the window compiles the module (`WebAssembly.compile` on the bytes) and
 * hands the compiled `WebAssembly.Module` over (processorOptions); Node compiles the file's bytes.
 * The export names below are that build's (minified by Emscripten): the package is pinned to an
 * exact version, and the unit test runs this against the real file.
 */

/** libfvad's aggressiveness: 0 (quality) … 3 (very aggressive: fewest false "voice"). */
export type FvadMode = 0 | 1 | 2 | 3

interface FvadExports {
  /** Linear memory. */
  c: WebAssembly.Memory
  /** Static constructors. */
  d: () => void
  /** fvad_new(): Fvad* */
  e: () => number
  /** malloc(size): void* */
  f: (size: number) => number
  /** fvad_set_mode(inst, mode): 0 | -1 */
  j: (inst: number, mode: number) => number
  /** fvad_set_sample_rate(inst, rate): 0 | -1 */
  k: (inst: number, rate: number) => number
  /** fvad_process(inst, int16*, length): 1 voice, 0 none, -1 error */
  l: (inst: number, frame: number, length: number) => number
}

function isExports(value: WebAssembly.Exports): value is WebAssembly.Exports & FvadExports {
  return (
    value.c instanceof WebAssembly.Memory &&
    ['d', 'e', 'f', 'j', 'k', 'l'].every((name) => typeof value[name] === 'function')
  )
}

/** Instantiates the compiled fvad module and returns a detector for 20 ms frames at 16 kHz. */
export function createFvadDetector(module: WebAssembly.Module, mode: FvadMode = 2): VoiceDetector {
  let memory: WebAssembly.Memory | null = null
  const instance = new WebAssembly.Instance(module, {
    a: {
      // __assert_fail
      a: () => {
        throw new Error('fvad: assertion failed')
      },
      // emscripten_resize_heap(requested bytes): grow the memory, 1 on success
      b: (requested: number) => {
        if (!memory) return 0
        const pages = Math.ceil((requested - memory.buffer.byteLength) / 65_536)
        try {
          memory.grow(Math.max(pages, 1))
          return 1
        } catch {
          return 0
        }
      },
    },
  })
  const exports = instance.exports
  if (!isExports(exports)) throw new Error('fvad: the WASM module is not the expected fvad build')
  memory = exports.c
  exports.d()
  const handle = exports.e()
  if (handle === 0) throw new Error('fvad: no memory for the detector')
  if (exports.k(handle, CUE_SAMPLE_RATE) !== 0 || exports.j(handle, mode) !== 0) {
    throw new Error(`fvad: rate ${CUE_SAMPLE_RATE} or mode ${mode} refused`)
  }
  const pointer = exports.f(CUE_FRAME_SAMPLES * 2)
  if (pointer === 0) throw new Error('fvad: no memory for a frame')

  return {
    isVoice(frame) {
      if (frame.length !== CUE_FRAME_SAMPLES) throw new Error(`fvad: a frame is ${CUE_FRAME_SAMPLES} samples`)
      // The view is made per call: a grown memory replaces its buffer.
      new Int16Array(exports.c.buffer, pointer, CUE_FRAME_SAMPLES).set(frame)
      const result = exports.l(handle, pointer, CUE_FRAME_SAMPLES)
      if (result < 0) throw new Error('fvad: the frame was refused')
      return result === 1
    },
  }
}
