import fs from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { CUE_FRAME_MS, CUE_SAMPLE_RATE } from '../../../shared/cues/frames'
import { CUE_THRESHOLDS } from '../../../shared/cues/thresholds'
import { buildDialogue, type Dialogue } from '../../helpers/dialogues/build'
import { DIALOGUES } from '../../helpers/dialogues/dialogues'
import type { Segment } from '../../helpers/dialogues/truth'

/** The test dialogues are what they claim to be: their truth calls for the cues they were built for. */

const built = new Map<string, Dialogue>()

beforeAll(() => {
  for (const { recipe } of DIALOGUES) built.set(recipe.name, buildDialogue(recipe))
}, 300_000)

function dialogue(name: string): Dialogue {
  const found = built.get(name)
  if (!found) throw new Error(`no dialogue ${name}`)
  return found
}

/** RMS in dBFS of a stream's samples over [from, to) ms. */
function levelDb(samples: Int16Array, from: number, to: number): number {
  const a = (from * CUE_SAMPLE_RATE) / 1000
  const b = (to * CUE_SAMPLE_RATE) / 1000
  let sum = 0
  for (let i = a; i < b; i++) sum += ((samples[i] ?? 0) / 32768) ** 2
  return sum > 0 ? 10 * Math.log10(sum / (b - a)) : -Infinity
}

function recipe(name: string) {
  const found = DIALOGUES.find((d) => d.recipe.name === name)
  if (!found) throw new Error(`no recipe ${name}`)
  return found.recipe
}

const voicedMs = (segments: readonly Segment[]) => segments.reduce((sum, s) => sum + s.voicedMs, 0)

describe('the test dialogues', () => {
  it('are at least 20, with unique names, covering every cue kind and none', () => {
    expect(DIALOGUES.length).toBeGreaterThanOrEqual(20)
    expect(new Set(DIALOGUES.map((d) => d.recipe.name)).size).toBe(DIALOGUES.length)
    const kinds = new Set(DIALOGUES.flatMap((d) => d.expect))
    expect([...kinds].sort()).toEqual(['caller-raised', 'keep-level', 'let-them-finish', 'venting'])
    expect(DIALOGUES.filter((d) => d.expect.length === 0).length).toBeGreaterThanOrEqual(8)
  })

  for (const { recipe, expect: kinds } of DIALOGUES) {
    describe(recipe.name, () => {
      it('has two mono 16 kHz s16le streams of the dialogue’s length', () => {
        const { files, samples } = dialogue(recipe.name)
        const length = (recipe.durationMs * CUE_SAMPLE_RATE) / 1000
        for (const side of ['caller', 'agent'] as const) {
          expect(samples[side]).toHaveLength(length)
          expect(fs.statSync(files[side]).size).toBe(length * 2)
        }
      })

      it(`calls for exactly: ${kinds.join(', ') || 'no cue'}`, () => {
        const { truth } = dialogue(recipe.name)
        expect(truth.cues.map((c) => c.kind).sort()).toEqual([...kinds].sort())
        expect(truth.voiced.caller).toHaveLength(recipe.durationMs / CUE_FRAME_MS)
      })

      it('gives each person ≥ 4 s of usual voice before any raised line, and keeps backchannels short', () => {
        const { truth } = dialogue(recipe.name)
        for (const side of ['caller', 'agent'] as const) {
          const segments = truth.segments[side]
          const firstRaised = segments.findIndex((s) => s.gainDb >= CUE_THRESHOLDS.youRaisedDb)
          if (firstRaised >= 0) expect(voicedMs(segments.slice(0, firstRaised))).toBeGreaterThanOrEqual(4_000)
          for (const s of segments.filter((s) => s.backchannel)) {
            expect(s.end - s.start).toBeLessThan(CUE_THRESHOLDS.backchannelMaxMs)
          }
        }
      })
    })
  }

  it('raises the caller’s stream by the step it was built with', () => {
    const { samples, truth } = dialogue('caller-raised-10')
    const [usual, , raised] = truth.segments.caller
    if (!usual || !raised) throw new Error('caller-raised-10 lost its lines')
    const step = levelDb(samples.caller, raised.start, raised.end) - levelDb(samples.caller, usual.start, usual.end)
    // The phone line and noise blur the step a little: 10 dB built, 8–11 measured.
    expect(step).toBeGreaterThan(8)
    expect(step).toBeLessThan(11)
  })

  it('keeps the loopback digitally silent when the caller cannot be heard', () => {
    const { samples } = dialogue('caller-silent')
    expect(samples.caller.every((s) => s === 0)).toBe(true)
    expect(levelDb(samples.agent, 5_000, 8_000)).toBeGreaterThan(-30)
  })

  it('puts the caller on the microphone 15–25 dB lower in the speaker cases', () => {
    // While only the caller speaks, the microphone carries their echo above its noise floor.
    for (const name of ['echo-turns', 'echo-loud-overlap']) {
      const { samples, truth } = dialogue(name)
      const [first] = truth.segments.caller
      if (!first) throw new Error(`${name} lost its first line`)
      const callerDb = levelDb(samples.caller, first.start, first.end)
      const micDb = levelDb(samples.agent, first.start, first.end)
      expect(callerDb - micDb).toBeGreaterThan(10)
      expect(callerDb - micDb).toBeLessThan(25)
      // …and above the microphone's noise floor where nobody speaks (the last 2 s).
      const floorDb = levelDb(samples.agent, recipe(name).durationMs - 2_000, recipe(name).durationMs)
      expect(micDb).toBeGreaterThan(floorDb + 1.5)
    }
  })

  it('is read from the cache the second time (same files, same truth)', () => {
    const { recipe } = DIALOGUES[0] ?? { recipe: undefined }
    if (!recipe) throw new Error('no dialogues')
    const again = buildDialogue(recipe)
    expect(again.files).toEqual(dialogue(recipe.name).files)
    expect(again.truth).toEqual(dialogue(recipe.name).truth)
  })
})
