/**
 * The unit the live call cues work on: both streams' level and voice activity for the same 20 ms.
 * Audio is analysed in the AudioWorklet into these frames and dropped there; no sample leaves it.
 */

/** The AudioWorklet processor's registered name. */
export const CUE_PROCESSOR = 'calmdeck-cues'

/** The analysis rate and frame: 20 ms at 16 kHz. */
export const CUE_SAMPLE_RATE = 16_000
export const CUE_FRAME_MS = 20
export const CUE_FRAME_SAMPLES = (CUE_SAMPLE_RATE * CUE_FRAME_MS) / 1000

/** The level given to digital silence (an all-zero frame), in dBFS. */
export const SILENCE_DB = -100

/** One stream's 20 ms: its level in dBFS and whether the detector heard a voice. */
export interface SideFrame {
  levelDb: number
  voiced: boolean
}

/** Both streams' frames for the same 20 ms; `t` is ms since the call's capture started. */
export interface CueFrame {
  t: number
  /** The microphone (the agent). */
  you: SideFrame
  /** The loopback (what the computer plays: the caller). */
  caller: SideFrame
}

/** Decides, per frame of CUE_FRAME_SAMPLES 16-bit samples at CUE_SAMPLE_RATE, whether it holds a voice. */
export interface VoiceDetector {
  isVoice(frame: Int16Array): boolean
}
