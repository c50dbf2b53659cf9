import type { CallCueFigures, CueKind, CueSignal } from '@shared/cues/engine'

/** Where the caller's sound comes from: the computer's output (desktop app), an input device, or nowhere. */
export type CallerSource = { kind: 'loopback' } | { kind: 'device'; label: string } | { kind: 'none' }

export interface CaptureOptions {
  /** The microphone's name ('' = the system's default input). */
  micLabel: string
  caller: CallerSource
  enabled: readonly CueKind[]
  onSignal: (signal: CueSignal) => void
}

export interface Capture {
  /** True when the caller's stream is open (false: cues about you only). */
  hearsCaller: boolean
  pause(): void
  /** Closes both streams and the audio graph; resolves with the call's figures. */
  stop(): Promise<CallCueFigures | null>
}

/** What the worklet says back (see cue-worklet.ts). */
export type WorkletMessage = { type: 'signal'; signal: CueSignal } | { type: 'figures'; figures: CallCueFigures }

/** Levels must be the voice as spoken: the browser's processing would even them out. */
const RAW_AUDIO = { echoCancellation: false, noiseSuppression: false, autoGainControl: false } as const

/** The id of the input whose name is `label`; undefined (the default) when none has it. */
async function inputWithLabel(label: string): Promise<string | undefined> {
  if (!label) return undefined
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices.find((device) => device.kind === 'audioinput' && device.label === label)?.deviceId
}

async function openInput(label: string, required: boolean): Promise<MediaStream | null> {
  const deviceId = await inputWithLabel(label)
  if (label && !deviceId && !required) return null
  return navigator.mediaDevices.getUserMedia({
    audio: { ...RAW_AUDIO, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
    video: false,
  })
}

/** The computer's output through screen capture (audio 'loopback', answered by the desktop host); video dropped at once. */
async function openLoopback(): Promise<MediaStream | null> {
  const stream = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: true })
  for (const track of stream.getVideoTracks()) {
    track.stop()
    stream.removeTrack(track)
  }
  if (stream.getAudioTracks().length === 0) return null
  return stream
}

async function openCaller(source: CallerSource): Promise<MediaStream | null> {
  try {
    if (source.kind === 'loopback') return await openLoopback()
    if (source.kind === 'device') return await openInput(source.label, false)
  } catch {
    // No caller stream: the cues about your own voice still work ("cannot hear the caller").
  }
  return null
}

/** How far ahead the analysis context may buffer, in seconds (see startCapture). */
const CAPTURE_LATENCY_S = 0.1

/** Closes every track of the streams. */
function closeStreams(streams: readonly (MediaStream | null)[]): void {
  for (const stream of streams) for (const track of stream?.getTracks() ?? []) track.stop()
}

/**
 * Opens the microphone and the caller's stream and runs the cue worklet on both: sound never
 * leaves the AudioWorklet, only cue signals and, at the end, the figures. `loadWorklet` adds the
 * processor to the context and returns its node (two inputs: 0 = you, 1 = the caller).
 */
export async function startCapture(
  options: CaptureOptions,
  loadWorklet: (context: AudioContext, enabled: readonly CueKind[]) => Promise<AudioWorkletNode>,
): Promise<Capture> {
  const mic = await openInput(options.micLabel, true)
  if (!mic) throw new Error('no microphone')
  const caller = await openCaller(options.caller)
  let context: AudioContext | null = null
  try {
    // No output device at all ('none'): CalmDeck plays nothing, so it opens no playback stream,
    // and the browser resamples the inputs to the analysis rate itself. Rendering in 100 ms
    // batches costs less CPU than 'playback' (~32 ms) or 'interactive': measured in Chromium, two
    // streams at 16 kHz took ~1.4 % of a core instead of ~2.2 % and ~4 %, for ~70 ms more delay.
    context = new AudioContext({
      sampleRate: 16_000,
      latencyHint: CAPTURE_LATENCY_S,
      sinkId: { type: 'none' },
    } as AudioContextOptions)
    const node = await loadWorklet(context, options.enabled)
    context.createMediaStreamSource(mic).connect(node, 0, 0)
    if (caller) context.createMediaStreamSource(caller).connect(node, 0, 1)
    let figures: ((value: CallCueFigures) => void) | null = null
    node.port.onmessage = (event: MessageEvent<WorkletMessage>) => {
      const message = event.data
      if (message.type === 'signal') options.onSignal(message.signal)
      else figures?.(message.figures)
    }
    const opened = context
    return {
      hearsCaller: caller !== null,
      pause: () => node.port.postMessage({ type: 'pause' }),
      async stop() {
        // The figures, or nothing after half a second: the streams close within a second of the call's end.
        const result = await Promise.race([
          new Promise<CallCueFigures>((resolve) => {
            figures = resolve
            node.port.postMessage({ type: 'finish' })
          }),
          new Promise<null>((resolve) => setTimeout(() => resolve(null), 500)),
        ])
        node.port.onmessage = null
        closeStreams([mic, caller])
        await opened.close().catch(() => {})
        return result
      },
    }
  } catch (error) {
    closeStreams([mic, caller])
    await context?.close().catch(() => {})
    throw error
  }
}

/** The inputs the browser lists, by name (names appear once the microphone was allowed). */
export async function audioInputs(): Promise<string[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return []
  const devices = await navigator.mediaDevices.enumerateDevices()
  return devices
    .filter((device) => device.kind === 'audioinput' && device.label && device.deviceId !== 'default')
    .map((device) => device.label)
}
