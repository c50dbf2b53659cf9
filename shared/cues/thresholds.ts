/**
 * Every threshold of the live call cues, in one place. The rules (`engine.ts`) read only these;
 * the tests, the dialogues' truth and the docs quote them from here.
 */
export const CUE_THRESHOLDS = {
  /** Voiced speech a person needs before their baseline (their usual level in this call) exists. */
  baselineVoicedMs: 3_000,
  /** A voiced frame starts a stretch of speech; the stretch survives gaps up to this long. */
  speechHangoverMs: 300,
  /** Voiced frames needed within the last 100 ms to start speaking (one stray frame is noise). */
  onsetFrames: 2,
  /** Let them finish: you start while the caller speaks and both go on this long. */
  overlapHoldMs: 700,
  /** A stretch of yours shorter than this is a backchannel ("mm", "ja", "da"): never an interruption. */
  backchannelMaxMs: 500,
  /** Keep your voice level: your voiced level this far above your own baseline… */
  youRaisedDb: 6,
  /** …for this long (of your speech) within `youRaisedWindowMs` (short dips between words forgiven). */
  youRaisedHoldMs: 2_000,
  youRaisedWindowMs: 2_500,
  /** The caller's voice is raised: their voiced level this far above their baseline… */
  callerRaisedDb: 8,
  /** …for this long within this window. */
  callerRaisedHoldMs: 2_000,
  callerRaisedWindowMs: 4_000,
  /** How quickly the voiced level follows the voice: weight of each new voiced frame. */
  levelSmoothing: 0.15,
  /** Venting: the caller speaks with gaps shorter than this… */
  ventingGapMs: 1_500,
  /** …for this long. */
  ventingMs: 30_000,
  /** Each kind of cue at most once per this long. */
  cueCooldownMs: 30_000,
  /** The caller's stream digitally silent this long while you speak: "CalmDeck cannot hear the caller". */
  silentCallerMs: 10_000,
  /** …and you spoke at least this much meanwhile. */
  silentCallerYouVoicedMs: 2_000,
  /** Anything at or below this level is digital silence (a stream that carries nothing at all). */
  digitalSilenceDb: -90,
  /**
   * Echo: on speakers the caller reaches your microphone. Your microphone counts as only the
   * caller when its level follows the caller's this closely (correlation of the two level curves,
   * at the best delay up to `echoMaxLagFrames` frames) over the last `echoWindowFrames` frames…
   */
  echoCorrelation: 0.8,
  echoWindowFrames: 15,
  echoMaxLagFrames: 4,
  /** …and is not this much louder than its usual distance to the caller's level. */
  echoMarginDb: 6,
} as const

export type CueThresholds = typeof CUE_THRESHOLDS
