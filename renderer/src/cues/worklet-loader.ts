import type { CueKind } from '@shared/cues/engine'
import fvadUrl from '@echogarden/fvad-wasm/fvad.wasm?url'
import { CUE_PROCESSOR } from '@shared/cues/frames'
import workletUrl from './cue-worklet.ts?worker&url'

let fvad: Promise<WebAssembly.Module> | null = null

/** The voice detector's WASM, fetched and compiled once (an AudioWorklet cannot fetch). */
function fvadModule(): Promise<WebAssembly.Module> {
  fvad ??= fetch(fvadUrl)
    .then((response) => response.arrayBuffer())
    .then((bytes) => WebAssembly.compile(bytes))
  fvad.catch(() => (fvad = null))
  return fvad
}

/** Adds the cue processor to `context` and makes its node: two mono inputs, no output. */
export async function loadCueWorklet(context: AudioContext, enabled: readonly CueKind[]): Promise<AudioWorkletNode> {
  const [module] = await Promise.all([fvadModule(), context.audioWorklet.addModule(workletUrl)])
  return new AudioWorkletNode(context, CUE_PROCESSOR, {
    numberOfInputs: 2,
    numberOfOutputs: 0,
    channelCount: 1,
    channelCountMode: 'explicit',
    channelInterpretation: 'speakers',
    processorOptions: { fvad: module, enabled: [...enabled] },
  })
}
