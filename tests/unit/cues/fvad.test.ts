import { describe, expect, it } from 'vitest'
import { CUE_FRAME_SAMPLES } from '../../../shared/cues/frames'
import { createFvadDetector } from '../../../shared/cues/fvad'
import { buildDialogue } from '../../helpers/dialogues/build'
import { DIALOGUES } from '../../helpers/dialogues/dialogues'
import { fvadModule } from '../../helpers/fvad-module'

describe('createFvadDetector (libfvad in WASM, from the compiled module)', () => {
  const module = fvadModule()

  it('hears the voice where the dialogue’s truth has it, and not the noise between', () => {
    const spec = DIALOGUES.find((d) => d.recipe.name === 'calm-nl-en')
    if (!spec) throw new Error('no calm-nl-en dialogue')
    const { samples, truth } = buildDialogue(spec.recipe)
    const detector = createFvadDetector(module, 2)
    let agree = 0
    let voiced = 0
    let frames = 0
    for (let i = 0; i + CUE_FRAME_SAMPLES <= samples.agent.length; i += CUE_FRAME_SAMPLES, frames++) {
      const voice = detector.isVoice(samples.agent.subarray(i, i + CUE_FRAME_SAMPLES))
      if (voice === (truth.voiced.agent[frames] === '1')) agree++
      if (voice) voiced++
    }
    // The agent speaks about a third of the time; the detector agrees with the truth on ≥ 85 % of frames.
    expect(voiced / frames).toBeGreaterThan(0.2)
    expect(voiced / frames).toBeLessThan(0.5)
    expect(agree / frames).toBeGreaterThan(0.85)
  })

  it('calls digital silence no voice, in every mode', () => {
    for (const mode of [0, 1, 2, 3] as const) {
      const detector = createFvadDetector(module, mode)
      expect(detector.isVoice(new Int16Array(CUE_FRAME_SAMPLES))).toBe(false)
    }
  })

  it('keeps separate state per detector (one per stream)', () => {
    const a = createFvadDetector(module)
    const b = createFvadDetector(module)
    expect(a).not.toBe(b)
    expect(a.isVoice(new Int16Array(CUE_FRAME_SAMPLES))).toBe(false)
  })

  it('refuses a frame of the wrong length', () => {
    expect(() => createFvadDetector(module).isVoice(new Int16Array(160))).toThrow(/320 samples/)
  })

  it('refuses a WASM module that is not the fvad build', () => {
    // The smallest valid module: no exports at all.
    const emptyModule = new WebAssembly.Module(Uint8Array.from([0, 97, 115, 109, 1, 0, 0, 0]))
    expect(() => createFvadDetector(emptyModule)).toThrow(/not the expected fvad build/)
  })
})
