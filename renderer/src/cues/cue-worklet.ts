/**
 * The AudioWorklet processor of the live call cues: two inputs (0 = your microphone, 1 = the
 * caller), each analysed into 20 ms frames of level and voice activity, the rules run on each pair
 * of frames, and only cue signals (and, at the end, the figures) are posted to the window. No
 * sample leaves this scope and nothing is kept beyond the frame being analysed.
 */
import { createCueEngine, type CueEngine, type CueKind } from '@shared/cues/engine'
import { CUE_PROCESSOR } from '@shared/cues/frames'
import { createFvadDetector } from '@shared/cues/fvad'
import { createCuePump, type CuePump } from '@shared/cues/pump'
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
  private readonly pump: CuePump
  private readonly engine: CueEngine
  private done = false

  constructor(options: ProcessorInit) {
    super()
    const { fvad, enabled } = options.processorOptions
    this.engine = createCueEngine({ enabled })
    // One detector per stream (the VAD keeps state from frame to frame); the rules on each pair.
    this.pump = createCuePump({
      inputRate: sampleRate,
      detector: () => createFvadDetector(fvad),
      onFrame: (frame) => {
        for (const signal of this.engine.push(frame)) this.post({ type: 'signal', signal })
      },
    })
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
    const mic = inputs[0]?.[0]
    const caller = inputs[1]?.[0]
    this.pump.push(mic, caller && mic && caller.length !== mic.length ? undefined : caller)
    return true
  }
}

registerProcessor(CUE_PROCESSOR, CueProcessor)
