import { CUE_FRAME_MS, SILENCE_DB, type CueFrame } from '../../../shared/cues/frames'
import { seededRandom as random } from '../../helpers/seeded-random'

/** A stretch of one side's speech: from `from` to `to` ms, at `db` dBFS. */
export interface Speech {
  from: number
  to: number
  db: number
}

export interface Script {
  lengthMs: number
  you?: Speech[]
  caller?: Speech[]
  /** Level of the line when nobody speaks (room noise); digital silence when left out. */
  noiseDb?: number
  /** The caller reaches your microphone this many dB below, this many frames late (speakers). */
  echo?: { db: number; lagFrames: number }
  /** Seed for the syllable-like variation of levels and the short unvoiced gaps in speech. */
  seed?: number
}

/**
 * Frames as the analyser would give them for a script: speech is voiced with a level that wanders
 * ±3 dB from syllable to syllable and one frame in ten unvoiced (a consonant, a breath).
 */
export function framesOf(script: Script): CueFrame[] {
  const rand = random(script.seed ?? 1)
  const frames: CueFrame[] = []
  const callerLevels: number[] = []
  const at = (list: Speech[] | undefined, t: number) => list?.find((item) => t >= item.from && t < item.to)
  for (let t = 0; t < script.lengthMs; t += CUE_FRAME_MS) {
    const side = (speech: Speech | undefined) => {
      const voiced = speech !== undefined && rand() > 0.1
      const levelDb = voiced ? speech.db + (rand() * 6 - 3) : (script.noiseDb ?? SILENCE_DB)
      return { voiced, levelDb }
    }
    const caller = side(at(script.caller, t))
    let you = side(at(script.you, t))
    callerLevels.push(caller.voiced ? caller.levelDb : -Infinity)
    if (script.echo) {
      const heard = callerLevels[callerLevels.length - 1 - script.echo.lagFrames]
      if (heard !== undefined && heard > -Infinity) {
        const echoDb = heard + script.echo.db
        const power = 10 ** (you.levelDb / 10) + 10 ** (echoDb / 10)
        you = { voiced: true, levelDb: 10 * Math.log10(power) }
      }
    }
    frames.push({ t, you, caller })
  }
  return frames
}
