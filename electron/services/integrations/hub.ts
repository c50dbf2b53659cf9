import type { CallEventOrigin, ExternalCallEvent, IngestOutcome } from '../../../shared/call-events'
import { AppError } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import type { CallEventIngest } from './call-event-ingest'
import type { CallSource, CallSourceContext, CallSourceStartOptions, CallSourceStatus } from './call-source'

export interface CallIntegrationsDeps {
  dataDir: string
  settings: () => Settings
  ingest: CallEventIngest
  /** Builds the sources (the list is in `call-integrations.ts`). */
  sources: (context: CallSourceContext) => CallSource[]
  log?: (line: string) => void
}

/**
 * Runs every call source: starts and stops them, passes settings changes on, and sends their
 * events to the one ingestion service unless Settings turn that source off. Knows no source by name.
 */
export class CallIntegrations {
  readonly sources: readonly CallSource[]
  private active = false
  /** How the host started the sources, to start them the same way again. */
  private startedWith: CallSourceStartOptions | null = null

  constructor(private readonly deps: CallIntegrationsDeps) {
    this.sources = deps.sources({
      dataDir: deps.dataDir,
      receive: (event, origin) => this.receive(event, origin),
      endOnTurningOff: (externalId, origin) => deps.ingest.ingest({ type: 'ended', externalId, origin }),
      log: (line) => deps.log?.(line),
      openCall: () => deps.ingest.openCall(),
    })
  }

  /** Carries out an event from `origin`; refused with an `unavailable` AppError when its source is off. */
  receive(event: ExternalCallEvent, origin: CallEventOrigin): IngestOutcome {
    const source = this.sources.find((item) => item.origins.includes(origin))
    if (!source) throw new AppError('unavailable', 'CalmDeck does not take call events from there.')
    if (!source.enabled(this.deps.settings())) throw new AppError('unavailable', source.offMessage)
    return this.deps.ingest.ingest({ ...event, origin })
  }

  /** The app's command line (at start or from a second start): the first source that reads it. */
  handleArgv(argv: readonly string[]): IngestOutcome | null {
    for (const source of this.sources) {
      const outcome = source.handleArgv?.(argv)
      if (outcome) return outcome
    }
    return null
  }

  /** Starts every source. The hosts call this; until then nothing listens or connects. */
  async start(options: CallSourceStartOptions = {}): Promise<void> {
    if (this.active) return
    this.active = true
    this.startedWith = options
    const settings = this.deps.settings()
    await Promise.all(this.sources.map((source) => source.start(settings, options)))
  }

  /** Settings changed: every source that runs adjusts. */
  applySettings(settings: Settings): void {
    if (!this.active) return
    for (const source of this.sources) source.applySettings(settings)
  }

  status(): CallSourceStatus[] {
    const settings = this.deps.settings()
    return this.sources.map((source) => source.status(settings))
  }

  /** The running source of that class, e.g. `sourceOf(BaresipSource)`. */
  sourceOf<T extends CallSource>(type: abstract new (...args: never[]) => T): T | undefined {
    return this.sources.find((source): source is T => source instanceof type)
  }

  /** Runs `work` with every source stopped, then starts them again as before (if they ran). */
  async whileStopped<T>(work: () => T): Promise<T> {
    const options = this.active ? this.startedWith : null
    if (options) await this.close()
    try {
      return work()
    } finally {
      if (options) await this.start(options)
    }
  }

  async close(): Promise<void> {
    this.active = false
    await Promise.all(this.sources.map((source) => source.stop()))
  }
}
