import type { CallEventOrigin, ExternalCallEvent, IngestOutcome } from '../../../shared/call-events'
import type { Settings } from '../../../shared/settings'
import type { OpenCallInfo } from '../calls/call-service'

/** What a source is doing now: shown in Settings and in diagnostics. Never holds numbers. */
export interface CallSourceStatus {
  id: string
  /** `off`: turned off in Settings; `on`: listening/connected; `waiting`: on, but not reachable yet. */
  state: 'off' | 'on' | 'waiting' | 'error'
  /** A short English detail for support, e.g. `127.0.0.1:4444 connecting`. */
  detail?: string
}

/** What the hub gives every source. */
export interface CallSourceContext {
  dataDir: string
  /** Hands an event to the one ingest path; throws an `unavailable` AppError when the source is off. */
  receive(event: ExternalCallEvent, origin: CallEventOrigin): IngestOutcome
  /**
   * A source being turned off ends the call it opened, which nothing would see end otherwise:
   * the one event taken from a source that is off (an `ended` through the same ingest path).
   */
  endOnTurningOff(externalId: string | undefined, origin: CallEventOrigin): IngestOutcome
  /** Connection changes and error names only; never numbers or argv. */
  log(line: string): void
  /** The call open now, if any (a source that sees calls end checks it is still the one it opened). */
  openCall(): OpenCallInfo | null
}

/** How the host starts the sources (the web host and tests pick the local API's port). */
export interface CallSourceStartOptions {
  apiPort?: number
}

/**
 * One way calls come in (the app's command line and links, the local API, baresip, …). The hub
 * (`hub.ts`) starts and stops every source, hands each the settings when they change, and
 * refuses events from a source that Settings turn off. Adding a source: a file in `sources/`,
 * one line in `call-integrations.ts`, its settings and texts.
 */
export interface CallSource {
  readonly id: string
  /** The origins whose events this source delivers. */
  readonly origins: readonly CallEventOrigin[]
  /** Whether Settings let its events through. */
  enabled(settings: Settings): boolean
  /** The refusal for an event that arrives while it is off (an error message, English). */
  readonly offMessage: string
  start(settings: Settings, options: CallSourceStartOptions): Promise<void> | void
  /** Settings changed (only called between start and stop). */
  applySettings(settings: Settings): void
  stop(): Promise<void> | void
  status(settings: Settings): CallSourceStatus
  /** A command line of this app (at start or from a second start), if the source reads them. */
  handleArgv?(argv: readonly string[]): IngestOutcome | null
}
