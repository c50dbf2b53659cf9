import type { AppErrorData } from '../../../shared/result'
import type { BaresipConnectorOptions } from './baresip-connector'
import type { CallSource, CallSourceContext } from './call-source'
import { micMonitorFor } from './mic/platform-monitor'
import { BaresipSource } from './sources/baresip'
import { CommandLineSource } from './sources/command-line'
import { LocalApiSource } from './sources/local-api'
import { MicrophoneSource, type MicrophoneSourceOptions } from './sources/microphone'

export interface CallSourceOptions {
  /** A command line the app could not use: shown in the window. */
  onRefused?: (error: AppErrorData) => void
  /** Retry timing of the baresip connection (tests shorten it). */
  baresipTiming?: Pick<BaresipConnectorOptions, 'initialDelayMs' | 'maxDelayMs'>
  /** The microphone source's monitor, window state and remembered answers. */
  microphone?: Partial<MicrophoneSourceOptions>
}

/**
 * Every way calls come in, in the order they start. A new source is one file in `sources/`
 * (implementing `CallSource`), one line here, and its settings and texts.
 */
export function createCallSources(context: CallSourceContext, options: CallSourceOptions = {}): CallSource[] {
  return [
    new CommandLineSource(context, options.onRefused),
    new LocalApiSource(context),
    new BaresipSource(context, options.baresipTiming),
    new MicrophoneSource(context, { monitor: () => micMonitorFor(process.platform), ...options.microphone }),
  ]
}
