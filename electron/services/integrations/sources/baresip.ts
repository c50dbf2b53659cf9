import { parseHostPort } from '../../../../shared/host-port'
import type { Settings } from '../../../../shared/settings'
import { BaresipConnector, type BaresipConnectorOptions } from '../baresip-connector'
import type { CallSource, CallSourceContext, CallSourceStatus } from '../call-source'

/** baresip's ctrl_tcp: connects to the address in Settings, reconnects when it changes. */
export class BaresipSource implements CallSource {
  readonly id = 'baresip'
  readonly origins = ['baresip'] as const
  readonly offMessage = 'Call events from baresip are turned off in CalmDeck’s settings.'
  private connector: BaresipConnector | null = null
  private address = ''

  constructor(
    private readonly context: CallSourceContext,
    /** Retry timing of the connection (tests shorten it). */
    private readonly timing?: Pick<BaresipConnectorOptions, 'initialDelayMs' | 'maxDelayMs'>,
  ) {}

  enabled(settings: Settings): boolean {
    return settings.callEventsBaresip
  }

  get current(): BaresipConnector | null {
    return this.connector
  }

  start(settings: Settings): void {
    this.applySettings(settings)
  }

  /** Connects, reconnects to a new address, or disconnects, as Settings say. */
  applySettings(settings: Settings): void {
    const address = this.enabled(settings) ? settings.baresipAddress : ''
    if (address === this.address) return
    this.connector?.stop()
    this.connector = null
    this.address = address
    const target = address ? parseHostPort(address) : null
    if (!target) return
    this.connector = new BaresipConnector({
      ...target,
      ...this.timing,
      onEvent: (event) => {
        try {
          this.context.receive(event, 'baresip')
        } catch (error) {
          this.context.log(`baresip event not recorded: ${error instanceof Error ? error.name : typeof error}`)
        }
      },
      log: (line) => this.context.log(line),
    })
    this.connector.start()
  }

  stop(): void {
    this.connector?.stop()
    this.connector = null
    this.address = ''
  }

  status(settings: Settings): CallSourceStatus {
    if (!this.enabled(settings)) return { id: this.id, state: 'off' }
    if (!this.connector) return { id: this.id, state: 'error', detail: 'no valid address' }
    const state = this.connector.status === 'connected' ? 'on' : 'waiting'
    return { id: this.id, state, detail: `${this.address} ${this.connector.status}` }
  }
}
