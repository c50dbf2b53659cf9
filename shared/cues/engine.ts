import { CUE_FRAME_MS, type CueFrame } from './frames'
import { CUE_THRESHOLDS, type CueThresholds } from './thresholds'

/**
 * The live call cues' rules: frames in (both sides' level and voice activity every 20 ms),
 * cues and per-call figures out. Pure and free of zod, so it runs inside the AudioWorklet; the
 * thresholds all come from `thresholds.ts`. Everything is named acoustically: louder, longer,
 * at the same time — never what anyone feels.
 */

export const cueKinds = ['let-them-finish', 'keep-level', 'caller-raised', 'venting'] as const
export type CueKind = (typeof cueKinds)[number]

/** A cue the rules raised: `onset` is when its condition began, `at` the frame that decided it. */
export interface CueHit {
  kind: CueKind
  at: number
  onset: number
}

/** What the rules tell the window, frame by frame. */
export type CueSignal =
  | ({ type: 'cue' } & CueHit)
  /** The caller's stream has carried nothing at all for a while, though you spoke. */
  | { type: 'caller-silent'; at: number }
  /** The caller's stream carries sound again. */
  | { type: 'caller-heard'; at: number }

/** One call's figures, in milliseconds and counts. Your own are private to your machine. */
export interface CallCueFigures {
  /** Time listened to. */
  durationMs: number
  /** You spoke (echo of the caller on your microphone not counted). */
  youMs: number
  /** The caller spoke. */
  callerMs: number
  /** Neither spoke. */
  silenceMs: number
  /** Both spoke at once. */
  overlapMs: number
  /** Times you started speaking while the caller spoke and both went on (let-them-finish). */
  talkOvers: number
  /** The caller's longest stretch of speech (gaps under the venting gap). */
  callerLongestMs: number
  /** The caller's voice louder than their usual voice in this call. */
  callerRaisedMs: number
  /** Your voice louder than your usual voice in this call. */
  youRaisedMs: number
}

/** Figures before anything was heard (every time and count zero). */
export function emptyCueFigures(): CallCueFigures {
  return {
    durationMs: 0,
    youMs: 0,
    callerMs: 0,
    silenceMs: 0,
    overlapMs: 0,
    talkOvers: 0,
    callerLongestMs: 0,
    callerRaisedMs: 0,
    youRaisedMs: 0,
  }
}

export interface CueEngineOptions {
  /** Kinds that may be shown; the figures are kept for every kind. Default: all. */
  enabled?: readonly CueKind[]
  thresholds?: CueThresholds
}

export interface CueEngine {
  push(frame: CueFrame): CueSignal[]
  /** No cues for the rest of this call (figures go on). */
  pause(): void
  figures(): CallCueFigures
}

/** Speech of one side: stretches of voiced frames bridged over short gaps, with a smoothed level. */
class Side {
  speaking = false
  stretchStart = 0
  lastVoiced = -Infinity
  /** The voiced level, smoothed over the last few voiced frames (dBFS), and as power. */
  level: number | null = null
  private power: number | null = null
  voicedMs = 0
  private readonly recent: boolean[] = []
  private readonly recentT: number[] = []
  /** Voiced levels (smoothed, 0.5 dB bins from -100 dBFS) that make the baseline. */
  private readonly histogram = new Uint32Array(201)
  private histogramCount = 0
  private baselineCache: number | null = null

  constructor(private readonly rules: CueThresholds) {}

  /** Takes one frame; `voiced` is after any echo gate. */
  update(t: number, voiced: boolean, levelDb: number): void {
    this.recent.push(voiced)
    this.recentT.push(t)
    if (this.recent.length > 5) {
      this.recent.shift()
      this.recentT.shift()
    }
    if (voiced) {
      this.lastVoiced = t
      this.voicedMs += CUE_FRAME_MS
      // Smoothed as power, not as dB: "louder" is more energy, and a line's quiet consonants must
      // not pull its level down more than its vowels push it up.
      const power = 10 ** (levelDb / 10)
      this.power = this.power === null ? power : this.power + this.rules.levelSmoothing * (power - this.power)
      this.level = 10 * Math.log10(Math.max(this.power, 1e-10))
      if (!this.speaking && this.recent.filter(Boolean).length >= this.rules.onsetFrames) {
        this.speaking = true
        this.stretchStart = this.recentT[this.recent.indexOf(true)] ?? t
      }
    } else if (this.speaking && t - this.lastVoiced > this.rules.speechHangoverMs) {
      this.speaking = false
    }
  }

  /** This side's usual voiced level in this call, once it has spoken long enough. */
  baseline(): number | null {
    if (this.voicedMs < this.rules.baselineVoicedMs || this.histogramCount === 0) return null
    if (this.baselineCache !== null) return this.baselineCache
    let seen = 0
    for (let bin = 0; bin < this.histogram.length; bin++) {
      seen += this.histogram[bin] ?? 0
      if (seen * 2 >= this.histogramCount) return (this.baselineCache = bin / 2 - 100)
    }
    return null
  }

  /** Adds the current smoothed level to the baseline (not while the voice is raised). */
  learn(): void {
    if (this.level === null) return
    const bin = Math.max(0, Math.min(200, Math.round((this.level + 100) * 2)))
    this.histogram[bin] = (this.histogram[bin] ?? 0) + 1
    this.histogramCount++
    this.baselineCache = null
  }
}

/** Counts a side's raised frames within a sliding window and tells when an episode is confirmed. */
class Raised {
  private readonly frames: number[] = []
  active = false
  totalMs = 0

  constructor(
    private readonly holdMs: number,
    private readonly windowMs: number,
  ) {}

  /** Returns the episode's onset when it is confirmed by this frame. */
  update(t: number, raised: boolean): number | null {
    if (raised) this.frames.push(t)
    while (this.frames.length > 0 && (this.frames[0] ?? 0) <= t - this.windowMs) this.frames.shift()
    const windowMs = this.frames.length * CUE_FRAME_MS
    if (this.active) {
      if (raised) this.totalMs += CUE_FRAME_MS
      if (windowMs === 0) this.active = false
      return null
    }
    if (windowMs >= this.holdMs) {
      this.active = true
      this.totalMs += windowMs
      return this.frames[0] ?? t
    }
    return null
  }
}

/** Pearson correlation of two equally long series; 0 when either is flat. */
function correlation(a: readonly number[], b: readonly number[]): number {
  const n = a.length
  let sa = 0
  let sb = 0
  for (let i = 0; i < n; i++) {
    sa += a[i] ?? 0
    sb += b[i] ?? 0
  }
  const ma = sa / n
  const mb = sb / n
  let cov = 0
  let va = 0
  let vb = 0
  for (let i = 0; i < n; i++) {
    const da = (a[i] ?? 0) - ma
    const db = (b[i] ?? 0) - mb
    cov += da * db
    va += da * da
    vb += db * db
  }
  return va > 0 && vb > 0 ? cov / Math.sqrt(va * vb) : 0
}

/**
 * Tells whether the microphone carries only the caller (speakers, no headset): its level curve
 * follows the caller's at some small delay, and it is not louder than that echo usually is.
 */
class EchoGate {
  private readonly mic: number[] = []
  /** The caller's level on their voiced frames, NaN on the others. */
  private readonly caller: number[] = []
  /** The usual distance of the echo below the caller's level (dB), once echo was seen. */
  private coupling: number | null = null

  constructor(private readonly rules: CueThresholds) {}

  /** True when this frame of the microphone is the caller's echo. */
  isEcho(micDb: number, caller: { levelDb: number; voiced: boolean }, callerSpeaking: boolean): boolean {
    const { echoWindowFrames, echoMaxLagFrames } = this.rules
    const keep = echoWindowFrames + echoMaxLagFrames
    this.mic.push(micDb)
    this.caller.push(caller.voiced ? caller.levelDb : NaN)
    if (this.mic.length > keep) this.mic.shift()
    if (this.caller.length > keep) this.caller.shift()
    if (!callerSpeaking) return false
    const length = this.mic.length
    let best = -1
    let bestLag = -1
    for (let lag = 0; lag <= echoMaxLagFrames; lag++) {
      // Pairs of this frame window where the caller (lag frames earlier) was voiced.
      const a: number[] = []
      const b: number[] = []
      for (let i = Math.max(lag, length - echoWindowFrames); i < length; i++) {
        const heard = this.caller[i - lag] ?? NaN
        if (Number.isNaN(heard)) continue
        a.push(this.mic[i] ?? 0)
        b.push(heard)
      }
      if (a.length < 4) continue
      const r = correlation(a, b)
      if (r > best) {
        best = r
        bestLag = lag
      }
    }
    // Too little of the caller yet to tell: the microphone's voice came with theirs, so it is theirs.
    if (bestLag < 0) return true
    if (best < this.rules.echoCorrelation) return false
    const heard = this.caller[length - 1 - bestLag] ?? NaN
    const distance = Number.isNaN(heard) ? null : micDb - heard
    if (distance === null) return true
    if (this.coupling !== null && distance > this.coupling + this.rules.echoMarginDb) return false
    this.coupling = this.coupling === null ? distance : this.coupling + 0.05 * (distance - this.coupling)
    return true
  }
}

/** Makes the rules for one call; every call starts with fresh baselines. */
export function createCueEngine(options: CueEngineOptions = {}): CueEngine {
  const rules = options.thresholds ?? CUE_THRESHOLDS
  const enabled = new Set<CueKind>(options.enabled ?? cueKinds)
  const you = new Side(rules)
  const caller = new Side(rules)
  const echo = new EchoGate(rules)
  const youRaised = new Raised(rules.youRaisedHoldMs, rules.youRaisedWindowMs)
  const callerRaised = new Raised(rules.callerRaisedHoldMs, rules.callerRaisedWindowMs)
  const lastShown = new Map<CueKind, number>()
  let paused = false
  let firstT: number | null = null
  let overlapOnset: number | null = null
  let ventStart: number | null = null
  let ventLast = -Infinity
  let ventFired = false
  let silentSince: number | null = null
  let youVoicedWhileSilent = 0
  let callerSilentShown = false
  const figures = emptyCueFigures()

  const cue = (signals: CueSignal[], kind: CueKind, at: number, onset: number) => {
    if (paused || !enabled.has(kind)) return
    const last = lastShown.get(kind)
    if (last !== undefined && at - last < rules.cueCooldownMs) return
    lastShown.set(kind, at)
    signals.push({ type: 'cue', kind, at, onset })
  }

  const isRaised = (side: Side, db: number) => {
    const baseline = side.baseline()
    return side.speaking && side.level !== null && baseline !== null && side.level >= baseline + db
  }

  return {
    pause: () => (paused = true),
    figures: () => ({
      ...figures,
      callerRaisedMs: callerRaised.totalMs,
      youRaisedMs: youRaised.totalMs,
    }),
    push(frame) {
      const signals: CueSignal[] = []
      const { t } = frame
      firstT ??= t

      caller.update(t, frame.caller.voiced, frame.caller.levelDb)
      // The gate sees every frame (its history must stay in step), and matters only for voiced ones.
      const echoOnly = echo.isEcho(frame.you.levelDb, frame.caller, caller.speaking) && frame.you.voiced
      const wasSpeaking = you.speaking
      you.update(t, frame.you.voiced && !echoOnly, frame.you.levelDb)

      // Talk share.
      figures.durationMs = t - firstT + CUE_FRAME_MS
      if (you.speaking) figures.youMs += CUE_FRAME_MS
      if (caller.speaking) figures.callerMs += CUE_FRAME_MS
      if (you.speaking && caller.speaking) figures.overlapMs += CUE_FRAME_MS
      if (!you.speaking && !caller.speaking) figures.silenceMs += CUE_FRAME_MS

      // Let them finish: you started while the caller was already speaking, and both go on.
      if (!wasSpeaking && you.speaking && caller.speaking && caller.stretchStart < you.stretchStart) {
        overlapOnset = you.stretchStart
      }
      if (overlapOnset !== null) {
        if (!you.speaking || !caller.speaking) overlapOnset = null
        else if (
          you.lastVoiced === t &&
          t - caller.lastVoiced <= 100 &&
          t + CUE_FRAME_MS - overlapOnset >= rules.overlapHoldMs
        ) {
          figures.talkOvers++
          cue(signals, 'let-them-finish', t, overlapOnset)
          overlapOnset = null
        }
      }

      // Raised voices, each against that person's own baseline; the baseline learns only the usual voice.
      const youUp = isRaised(you, rules.youRaisedDb)
      const callerUp = isRaised(caller, rules.callerRaisedDb)
      if (frame.you.voiced && !echoOnly && !youUp) you.learn()
      if (frame.caller.voiced && caller.speaking && !callerUp) caller.learn()
      const youOnset = youRaised.update(t, youUp)
      if (youOnset !== null) cue(signals, 'keep-level', t, youOnset)
      const callerOnset = callerRaised.update(t, callerUp)
      if (callerOnset !== null) cue(signals, 'caller-raised', t, callerOnset)

      // Venting: one long stretch of the caller's speech.
      if (frame.caller.voiced && caller.speaking) {
        if (ventStart === null || t - ventLast > rules.ventingGapMs) {
          ventStart = caller.stretchStart
          ventFired = false
        }
        ventLast = t
        const length = t + CUE_FRAME_MS - ventStart
        figures.callerLongestMs = Math.max(figures.callerLongestMs, length)
        if (!ventFired && length >= rules.ventingMs) {
          ventFired = true
          cue(signals, 'venting', t, ventStart)
        }
      }

      // A caller stream that carries nothing at all while you speak.
      if (frame.caller.levelDb <= rules.digitalSilenceDb) {
        silentSince ??= t
        if (you.speaking) youVoicedWhileSilent += CUE_FRAME_MS
        if (
          !callerSilentShown &&
          t + CUE_FRAME_MS - silentSince >= rules.silentCallerMs &&
          youVoicedWhileSilent >= rules.silentCallerYouVoicedMs
        ) {
          callerSilentShown = true
          signals.push({ type: 'caller-silent', at: t })
        }
      } else {
        silentSince = null
        youVoicedWhileSilent = 0
        if (callerSilentShown) {
          callerSilentShown = false
          signals.push({ type: 'caller-heard', at: t })
        }
      }
      return signals
    },
  }
}
