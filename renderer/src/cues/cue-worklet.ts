/**
 * The AudioWorklet processor of the live call cues: two inputs (0 = your microphone, 1 = the
 * caller), each analysed into 20 ms frames of level and voice activity, the rules run on each pair
 * of frames, and only cue signals (and, at the end, the figures) are posted to the window. No
 * sample leaves this scope and nothing is kept beyond the frame being analysed.
 */
import { createStreamAnalyser, type StreamAnalyser } from '@shared/cues/analyser'
import { createCueEngine, type CueEngine, type CueKind } from '@shared/cues/engine'
import { CUE_FRAME_MS, CUE_PROCESSOR, type SideFrame } from '@shared/cues/frames'
import { createFvadDetector } from '@shared/cues/fvad'
import type { WorkletMessage } from './capture'

// The AudioWorkletGlobalScope's names (not in TypeScript's DOM library).
declare const sampleRate: number
declare class AudioWorkletProcessor {
  readonly port: MessagePort
}
declare function registerProcessor(name: string, processor: new (options: ProcessorInit) => AudioWorkletProcessor): void

interface ProcessorInit {
  processorOptions: { fvad: WebAssembly.Module; enabled: CueKind[] }
}

class CueProcessor extends AudioWorkletProcessor {
  private readonly you: StreamAnalyser
  private readonly caller: StreamAnalyser
  private readonly engine: CueEngine
  private readonly youFrames: SideFrame[] = []
  private readonly callerFrames: SideFrame[] = []
  private readonly silence = new Float32Array(128)
  private t = 0
  private done = false

  constructor(options: ProcessorInit) {
    super()
    const { fvad, enabled } = options.processorOptions
    // One detector per stream: the VAD keeps state from frame to frame.
    this.you = createStreamAnalyser({ inputRate: sampleRate, detector: createFvadDetector(fvad) })
    this.caller = createStreamAnalyser({ inputRate: sampleRate, detector: createFvadDetector(fvad) })
    this.engine = createCueEngine({ enabled })
    this.port.onmessage = (event: MessageEvent<{ type: 'pause' | 'finish' }>) => {
      if (event.data.type === 'pause') this.engine.pause()
      else if (event.data.type === 'finish' && !this.done) {
        this.done = true
        this.post({ type: 'figures', figures: this.engine.figures() })
      }
    }
  }

  private post(message: WorkletMessage): void {
    this.port.postMessage(message)
  }

  /** An input that is not connected (no caller chosen) counts as digital silence. */
  process(inputs: Float32Array[][]): boolean {
    if (this.done) return false
    const mic = inputs[0]?.[0] ?? this.silence
    const caller = inputs[1]?.[0] ?? this.silence
    this.youFrames.push(...this.you.push(mic))
    this.callerFrames.push(...this.caller.push(caller.length === mic.length ? caller : this.silence))
    while (this.youFrames.length > 0 && this.callerFrames.length > 0) {
      const you = this.youFrames.shift() as SideFrame
      const heard = this.callerFrames.shift() as SideFrame
      for (const signal of this.engine.push({ t: this.t, you, caller: heard })) this.post({ type: 'signal', signal })
      this.t += CUE_FRAME_MS
    }
    return true
  }
}

registerProcessor(CUE_PROCESSOR, CueProcessor)
