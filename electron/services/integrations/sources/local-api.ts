import type { Settings } from '../../../../shared/settings'
import type { CallSource, CallSourceContext, CallSourceStartOptions, CallSourceStatus } from '../call-source'
import { DEFAULT_API_PORT, startLocalApi, type LocalApi } from '../local-api'

/**
 * The local HTTP API on 127.0.0.1 (`calmdeck-event`, softphone hooks, scripts). It listens even
 * while turned off, so a hook gets a clear refusal instead of "connection refused".
 */
export class LocalApiSource implements CallSource {
  readonly id = 'local-api'
  readonly origins = ['local-api'] as const
  readonly offMessage = 'Call events from the command line and the local API are turned off in CalmDeck’s settings.'
  private api: LocalApi | null = null
  private starting: Promise<void> | null = null

  constructor(private readonly context: CallSourceContext) {}

  enabled(settings: Settings): boolean {
    return settings.callEventsLocal
  }

  get port(): number | null {
    return this.api?.port ?? null
  }

  start(_settings: Settings, options: CallSourceStartOptions): Promise<void> {
    this.starting ??= startLocalApi({
      dataDir: this.context.dataDir,
      port: options.apiPort ?? DEFAULT_API_PORT,
      receive: (event) => this.context.receive(event, 'local-api'),
      log: (line) => this.context.log(line),
    }).then((api) => {
      this.api = api
      this.context.log(`local API listening on 127.0.0.1:${api.port}`)
    })
    return this.starting
  }

  applySettings(): void {}

  async stop(): Promise<void> {
    const starting = this.starting
    this.starting = null
    await starting?.catch(() => {})
    const api = this.api
    this.api = null
    await api?.close()
  }

  status(settings: Settings): CallSourceStatus {
    if (!this.enabled(settings)) return { id: this.id, state: 'off' }
    if (!this.api) return { id: this.id, state: 'waiting', detail: 'not listening' }
    return { id: this.id, state: 'on', detail: `127.0.0.1:${this.api.port}` }
  }
}
