import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCueEngine, type CueEngineOptions, type CueSignal } from '../../../shared/cues/engine'
import { CUE_THRESHOLDS as R } from '../../../shared/cues/thresholds'
import { framesOf, type Script, type Speech } from './frame-script'

function run(script: Script, options?: CueEngineOptions) {
  const engine = createCueEngine(options)
  const signals: CueSignal[] = []
  for (const frame of framesOf(script)) signals.push(...engine.push(frame))
  const cues = signals.flatMap((signal) => (signal.type === 'cue' ? [signal] : []))
  return { signals, cues, figures: engine.figures() }
}

const talk = (from: number, to: number, db = -30): Speech => ({ from, to, db })

describe('let them finish', () => {
  it('is cued when you start while the caller speaks and both go on for 700 ms', () => {
    const { cues, figures } = run({
      lengthMs: 8_000,
      caller: [talk(0, 6_000)],
      you: [talk(3_000, 4_500)],
    })
    expect(cues.map((cue) => cue.kind)).toEqual(['let-them-finish'])
    expect(cues[0]?.onset).toBeGreaterThanOrEqual(3_000)
    expect(cues[0]?.onset).toBeLessThan(3_100)
    expect(cues[0]?.at).toBeGreaterThanOrEqual(3_000 + R.overlapHoldMs - 20)
    expect(cues[0]?.at).toBeLessThan(3_000 + R.overlapHoldMs + 200)
    expect(figures.talkOvers).toBe(1)
  })

  it('is not cued when the caller stops before 700 ms of both speaking', () => {
    const { cues } = run({ lengthMs: 8_000, caller: [talk(0, 3_300)], you: [talk(3_000, 6_000)] })
    expect(cues).toEqual([])
  })

  it('is not cued when you answer after the caller finished', () => {
    const { cues, figures } = run({ lengthMs: 8_000, caller: [talk(0, 3_000)], you: [talk(3_600, 7_000)] })
    expect(cues).toEqual([])
    expect(figures.talkOvers).toBe(0)
  })

  it('never counts a backchannel (under 500 ms) as talking over the caller', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 400, max: 3_000 }), length: fc.integer({ min: 20, max: 480 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.integer({ min: -45, max: -15 }),
        fc.integer({ min: 1, max: 1_000 }),
        (backchannels, db, seed) => {
          const you: Speech[] = []
          let t = 500
          for (const { gap, length } of backchannels) {
            you.push(talk(t, t + length, db))
            t += length + gap
          }
          const { cues, figures } = run({ lengthMs: t + 1_000, caller: [talk(0, t + 1_000)], you, seed })
          expect(cues.filter((cue) => cue.kind === 'let-them-finish')).toEqual([])
          expect(figures.talkOvers).toBe(0)
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('raised voices', () => {
  it("cues the caller's raised voice 8 dB over their baseline after 2 s", () => {
    const { cues, figures } = run({ lengthMs: 14_000, caller: [talk(0, 6_000, -32), talk(6_000, 11_000, -20)] })
    expect(cues.map((cue) => cue.kind)).toEqual(['caller-raised'])
    const [cue] = cues
    expect(cue?.onset).toBeGreaterThanOrEqual(6_000)
    expect(cue?.onset).toBeLessThan(6_400)
    expect(cue!.at - 6_000).toBeGreaterThanOrEqual(R.callerRaisedHoldMs)
    expect(cue!.at - 6_000).toBeLessThan(R.callerRaisedHoldMs + 400)
    expect(figures.callerRaisedMs).toBeGreaterThan(4_000)
    expect(figures.callerRaisedMs).toBeLessThanOrEqual(5_400)
  })

  it('does not cue a raised caller before their baseline exists', () => {
    const { cues } = run({ lengthMs: 8_000, caller: [talk(0, 1_000, -35), talk(1_000, 6_000, -20)] })
    expect(cues).toEqual([])
  })

  it('does not cue a raise shorter than the hold', () => {
    const { cues, figures } = run({
      lengthMs: 12_000,
      caller: [talk(0, 6_000, -32), talk(6_000, 7_200, -20), talk(7_200, 11_000, -32)],
    })
    expect(cues).toEqual([])
    expect(figures.callerRaisedMs).toBe(0)
  })

  it('cues your voice 6 dB over your own baseline for 2 s', () => {
    const { cues, figures } = run({ lengthMs: 14_000, you: [talk(0, 6_000, -30), talk(6_000, 10_000, -21)] })
    expect(cues.map((cue) => cue.kind)).toEqual(['keep-level'])
    expect(cues[0]!.at - 6_000).toBeLessThan(R.youRaisedHoldMs + 400)
    expect(figures.youRaisedMs).toBeGreaterThan(2_000)
    expect(figures.callerRaisedMs).toBe(0)
  })

  it('judges each person against their own voice: a loud caller is not raised for being louder than you', () => {
    const { cues } = run({
      lengthMs: 16_000,
      you: [talk(0, 4_000, -40), talk(8_000, 12_000, -40)],
      caller: [talk(4_000, 8_000, -18), talk(12_000, 16_000, -18)],
    })
    expect(cues).toEqual([])
  })

  it('never raises a cue in a call whose levels stay within a narrow band', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ who: fc.constantFrom('you', 'caller'), length: fc.integer({ min: 200, max: 6_000 }) }), {
          minLength: 2,
          maxLength: 20,
        }),
        fc.integer({ min: -50, max: -10 }),
        fc.integer({ min: -50, max: -10 }),
        fc.integer({ min: 1, max: 1_000 }),
        (turns, youDb, callerDb, seed) => {
          const script: Script = { lengthMs: 0, you: [], caller: [], seed }
          let t = 0
          for (const { who, length } of turns) {
            script[who]!.push(talk(t, t + length, who === 'you' ? youDb : callerDb))
            t += length + 600
          }
          script.lengthMs = t
          const { cues } = run(script)
          expect(cues.filter((cue) => cue.kind === 'keep-level' || cue.kind === 'caller-raised')).toEqual([])
        },
      ),
      { numRuns: 60 },
    )
  })
})

describe('venting', () => {
  it('reassures when the caller speaks 30 s with only short pauses', () => {
    const caller: Speech[] = []
    for (let t = 0; t < 40_000; t += 4_000) caller.push(talk(t, t + 3_000))
    const { cues, figures } = run({ lengthMs: 42_000, caller })
    expect(cues.map((cue) => cue.kind)).toEqual(['venting'])
    expect(cues[0]?.onset).toBeLessThan(100)
    expect(cues[0]!.at).toBeGreaterThanOrEqual(R.ventingMs - 20)
    expect(cues[0]!.at).toBeLessThan(R.ventingMs + 200)
    expect(figures.callerLongestMs).toBeGreaterThanOrEqual(38_000)
  })

  it('is not venting when the caller pauses longer than 1.5 s', () => {
    const caller: Speech[] = []
    for (let t = 0; t < 40_000; t += 5_000) caller.push(talk(t, t + 3_000))
    const { cues, figures } = run({ lengthMs: 42_000, caller })
    expect(cues).toEqual([])
    expect(figures.callerLongestMs).toBeLessThan(3_200)
  })
})

describe('showing cues calmly', () => {
  /** The caller at their usual level, in 8 s turns with 2 s pauses (never venting), raised twice. */
  const twoRaises = (gap: number): Script => {
    const caller: Speech[] = [talk(0, 6_000, -32), talk(6_000, 9_000, -20)]
    let t = 11_000
    for (; t + 8_000 <= 9_000 + gap; t += 10_000) caller.push(talk(t, t + 8_000, -32))
    caller.push(talk(t, t + 2_000, -32), talk(t + 2_000, t + 6_000, -20))
    return { lengthMs: t + 8_000, caller }
  }

  it('shows each kind at most once per 30 s', () => {
    expect(run(twoRaises(10_000)).cues.map((cue) => cue.kind)).toEqual(['caller-raised'])
    expect(run(twoRaises(32_000)).cues.map((cue) => cue.kind)).toEqual(['caller-raised', 'caller-raised'])
  })

  it('keeps the figures but shows no kind that is turned off', () => {
    const { cues, figures } = run(twoRaises(32_000), { enabled: ['venting', 'let-them-finish', 'keep-level'] })
    expect(cues).toEqual([])
    expect(figures.callerRaisedMs).toBeGreaterThan(4_000)
  })

  it('shows nothing more once paused', () => {
    const engine = createCueEngine()
    const frames = framesOf(twoRaises(32_000))
    const cues: string[] = []
    for (const frame of frames) {
      if (frame.t === 20_000) engine.pause()
      for (const signal of engine.push(frame)) if (signal.type === 'cue') cues.push(signal.kind)
    }
    expect(cues).toEqual(['caller-raised'])
    expect(engine.figures().callerRaisedMs).toBeGreaterThan(5_000)
  })
})

describe('echo of the caller on your microphone (speakers)', () => {
  it('does not count you as speaking when the microphone only carries the caller', () => {
    const { cues, figures } = run({
      lengthMs: 12_000,
      caller: [talk(0, 5_000, -25), talk(6_000, 11_000, -25)],
      echo: { db: -20, lagFrames: 2 },
      noiseDb: -70,
    })
    expect(cues).toEqual([])
    expect(figures.talkOvers).toBe(0)
    expect(figures.youMs).toBeLessThan(600)
  })

  it('still hears you talk over the caller on speakers', () => {
    const { cues, figures } = run({
      lengthMs: 12_000,
      caller: [talk(0, 9_000, -25)],
      you: [talk(5_000, 7_000, -28)],
      echo: { db: -20, lagFrames: 2 },
      noiseDb: -70,
    })
    expect(cues.map((cue) => cue.kind)).toEqual(['let-them-finish'])
    expect(figures.talkOvers).toBe(1)
  })
})

describe('a caller stream that carries nothing', () => {
  it('says so once after 10 s of digital silence while you speak, and again when sound returns', () => {
    const { signals } = run({ lengthMs: 16_000, you: [talk(0, 12_000)], caller: [talk(13_000, 16_000)] })
    const kinds = signals.map((signal) => signal.type)
    expect(kinds).toEqual(['caller-silent', 'caller-heard'])
    expect(signals[0]!.at).toBeGreaterThanOrEqual(R.silentCallerMs - 20)
  })

  it('says nothing while the caller line has room noise', () => {
    const { signals } = run({ lengthMs: 16_000, you: [talk(0, 12_000)], noiseDb: -60 })
    expect(signals).toEqual([])
  })
})

describe('figures', () => {
  it('splits the call into you, the caller, both and silence', () => {
    const { figures } = run({ lengthMs: 10_000, caller: [talk(0, 4_000)], you: [talk(5_000, 8_000)] })
    expect(figures.durationMs).toBe(10_000)
    expect(figures.callerMs).toBeGreaterThan(3_800)
    expect(figures.callerMs).toBeLessThan(4_400)
    expect(figures.youMs).toBeGreaterThan(2_800)
    expect(figures.youMs).toBeLessThan(3_400)
    expect(figures.overlapMs).toBe(0)
    expect(figures.youMs + figures.callerMs - figures.overlapMs + figures.silenceMs).toBe(figures.durationMs)
  })
})
