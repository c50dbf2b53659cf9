import type { CallEventOrigin, ExternalCallEvent, IngestOutcome } from '../../../shared/call-events'
import { parseHostPort } from '../../../shared/host-port'
import { AppError, type AppErrorData } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import { BaresipConnector, type BaresipConnectorOptions } from './baresip-connector'
import { eventFromAppArgv, eventFromLink, linkFromArgv } from './call-event-args'
import type { CallEventIngest } from './call-event-ingest'
import { DEFAULT_API_PORT, startLocalApi, type LocalApi } from './local-api'

export interface CallIntegrationsDeps {
  dataDir: string
  settings: () => Settings
  ingest: CallEventIngest
  /** A command line the app could not use: shown in the window. */
  onRefused?: (error: AppErrorData) => void
  log?: (line: string) => void
  /** Retry timing of the baresip connection (tests shorten it). */
  baresipTiming?: Pick<BaresipConnectorOptions, 'initialDelayMs' | 'maxDelayMs'>
}

const LOCAL_OFF = 'Call events from the command line and the local API are turned off in CalmDeck’s settings.'
const BARESIP_OFF = 'Call events from baresip are turned off in CalmDeck’s settings.'

/**
 * The ways softphone events come in — the app's command line, links, the local HTTP API and
 * baresip — each allowed or not by Settings, all going to the one ingestion service.
 */
export class CallIntegrations {
  private api: LocalApi | null = null
  private connector: BaresipConnector | null = null
  private connectorAddress = ''
  private active = false

  constructor(private readonly deps: CallIntegrationsDeps) {}

  /** Carries out an event from `origin`; refused with an `unavailable` AppError when turned off. */
  receive(event: ExternalCallEvent, origin: CallEventOrigin): IngestOutcome {
    const settings = this.deps.settings()
    const allowed = origin === 'baresip' ? settings.callEventsBaresip : settings.callEventsLocal
    if (!allowed) throw new AppError('unavailable', origin === 'baresip' ? BARESIP_OFF : LOCAL_OFF)
    return this.deps.ingest.ingest({ ...event, origin })
  }

  /**
   * The app's own command line (at start, or forwarded by a second start): `--event …` or a
   * `tel:`/`sip:`/`callto:` link. Anything else is ignored. Never throws; never logs argv.
   */
  handleArgv(argv: readonly string[]): IngestOutcome | null {
    const parsed = eventFromAppArgv(argv)
    const link = parsed ? undefined : linkFromArgv(argv)
    if (!parsed && !link) return null
    try {
      if (parsed?.kind === 'error') {
        throw new AppError('invalid-request', `The softphone’s command was not understood: ${parsed.message}`)
      }
      if (parsed?.kind === 'event') return this.receive(parsed.event, 'command-line')
      const event = link ? eventFromLink(link) : null
      if (!event) throw new AppError('invalid-request', 'The link has no number CalmDeck can use.')
      return this.receive(event, 'link')
    } catch (error) {
      const data =
        error instanceof AppError
          ? error.toData()
          : { code: 'internal' as const, message: 'CalmDeck could not record the softphone’s call.' }
      this.deps.log?.(`command line event refused (${data.code})`)
      this.deps.onRefused?.(data)
      return null
    }
  }

  /**
   * Starts the local HTTP API (127.0.0.1, `port` if free) and, if Settings say so, the baresip
   * connection. The hosts call this; until then nothing listens or connects. Resolves with the
   * API's port.
   */
  async start(port: number = DEFAULT_API_PORT): Promise<number> {
    if (this.api) return this.api.port
    this.active = true
    this.applySettings(this.deps.settings())
    this.api = await startLocalApi({
      dataDir: this.deps.dataDir,
      port,
      receive: (event) => this.receive(event, 'local-api'),
      log: this.deps.log,
    })
    this.deps.log?.(`local API listening on 127.0.0.1:${this.api.port}`)
    return this.api.port
  }

  get apiPort(): number | null {
    return this.api?.port ?? null
  }

  get baresip(): BaresipConnector | null {
    return this.connector
  }

  /** Connects to baresip, reconnects to a new address, or disconnects, as Settings say. */
  applySettings(settings: Settings): void {
    if (!this.active) return
    const address = settings.callEventsBaresip ? settings.baresipAddress : ''
    if (address === this.connectorAddress) return
    this.connector?.stop()
    this.connector = null
    this.connectorAddress = address
    const target = address ? parseHostPort(address) : null
    if (!target) return
    this.connector = new BaresipConnector({
      ...target,
      ...this.deps.baresipTiming,
      onEvent: (event) => {
        try {
          this.receive(event, 'baresip')
        } catch (error) {
          this.deps.log?.(`baresip event not recorded: ${error instanceof Error ? error.name : typeof error}`)
        }
      },
      log: this.deps.log,
    })
    this.connector.start()
  }

  async close(): Promise<void> {
    this.active = false
    this.connector?.stop()
    this.connector = null
    this.connectorAddress = ''
    const api = this.api
    this.api = null
    await api?.close()
  }
}
