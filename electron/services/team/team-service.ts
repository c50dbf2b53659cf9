import { createHash, randomUUID } from 'node:crypto'
import { z } from 'zod'
import type { HostTexts } from '../../../shared/i18n/host-catalog'
import { AppError } from '../../../shared/result'
import {
  teamChannelKinds,
  teamEndpointRequestSchema,
  type OutboxItem,
  type TeamMessage,
  type TeamState,
} from '../../../shared/team'
import type { KeyValueStore } from '../settings/settings-service'
import type { Db } from '../storage/database'
import { teamChannels } from './channels'
import { checkEndpointUrl, maskEndpointUrl } from './endpoint-url'
import { Outbox } from './outbox'
import type { Post } from './post'
import type { ManagedEndpoint } from '../policy/managed-policy'

/** The channel as stored: kept apart from Settings so the URL and secret never reach a window. */
const endpointSchema = z.strictObject({
  kind: z.enum(teamChannelKinds),
  url: z.string(),
  secret: z.string(),
})
type Endpoint = z.infer<typeof endpointSchema>
const ENDPOINT_KEY = 'team.endpoint'
/** A random id of this installation, for idempotency keys derived from names. */
const INSTALL_KEY = 'team.install-id'

export interface TeamServiceDeps {
  db: Db
  store: KeyValueStore
  now: () => number
  post: Post
  /** The host texts in the agent's language, for the card's labels. */
  texts: () => HostTexts['team']
  onChange?: (state: TeamState) => void
  backoff?: { firstMs: number; maxMs: number }
  log?: (line: string) => void
  /** The channel IT's policy sets: used instead of the agent's, and `setEndpoint` is refused. */
  managed?: ManagedEndpoint | null
}

/**
 * The team channel: its endpoint (a secret, never logged or shown in full), the outbox that
 * carries every message there, and the state the window shows.
 */
export class TeamService {
  readonly outbox: Outbox

  /** The channel IT's policy sets, if any (it can change while running). */
  private managed: ManagedEndpoint | null

  constructor(private readonly deps: TeamServiceDeps) {
    this.managed = deps.managed ?? null
    this.outbox = new Outbox({
      db: deps.db,
      now: deps.now,
      deliver: (message, key) => this.deliver(message, key),
      onChange: () => deps.onChange?.(this.state()),
      backoff: deps.backoff,
      log: deps.log,
    })
  }

  /** IT's policy changed while running: its channel (or none) from now on; waiting messages are tried at once. */
  setManaged(endpoint: ManagedEndpoint | null): void {
    if (JSON.stringify(endpoint) === JSON.stringify(this.managed)) return
    this.managed = endpoint
    this.deps.onChange?.(this.state())
    this.outbox.kick()
  }

  /** Sends what earlier runs left queued. */
  start(): void {
    this.outbox.start()
  }

  state(): TeamState {
    const endpoint = this.endpoint()
    return {
      endpoint: endpoint
        ? {
            kind: endpoint.kind,
            maskedUrl: maskEndpointUrl(endpoint.url),
            hasSecret: endpoint.secret !== '',
            managed: Boolean(this.managed),
          }
        : null,
      help: this.outbox.latest('help'),
      test: this.outbox.latest('test'),
      failed: this.outbox.failed(),
      pending: this.outbox.pendingCount(),
    }
  }

  /** Sets (or with `kind: null` removes) the channel; waiting messages are then tried at once. */
  setEndpoint(request: z.output<typeof teamEndpointRequestSchema>): TeamState {
    if (this.managed)
      throw new AppError('locked', 'The team channel is set by your organisation.', [
        { path: 'kind', message: 'set by your organisation' },
      ])
    if (request.kind === null) {
      this.deps.store.write(ENDPOINT_KEY, null)
    } else {
      const url = checkEndpointUrl(request.url).toString()
      const secret = request.secret ?? this.endpoint()?.secret ?? ''
      this.deps.store.write(ENDPOINT_KEY, { kind: request.kind, url, secret } satisfies Endpoint)
    }
    const state = this.state()
    this.deps.onChange?.(state)
    this.outbox.kick()
    return state
  }

  /**
   * Queues a message for the channel; refused while no channel is set up. With `dedupeKey` the
   * message is queued once per key on this installation (its idempotency key is derived from it).
   */
  send(message: TeamMessage, dedupeKey?: string): OutboxItem {
    if (!this.hasChannel())
      throw new AppError('conflict', 'No team channel is set up yet: add one in Settings → Team channel.')
    return this.outbox.enqueue(message, dedupeKey === undefined ? undefined : this.derivedKey(dedupeKey))
  }

  hasChannel(): boolean {
    return this.endpoint() !== null
  }

  /** A UUID-shaped key from this installation's random id and `name`: unique across agents. */
  private derivedKey(name: string): string {
    let install = this.deps.store.read(INSTALL_KEY, z.uuid())
    if (!install) {
      install = randomUUID()
      this.deps.store.write(INSTALL_KEY, install)
    }
    const hex = createHash('sha256').update(`${install}\n${name}`).digest('hex')
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`
  }

  retry(id: number): TeamState {
    this.outbox.retry(id)
    return this.state()
  }

  drop(id: number): TeamState {
    this.outbox.drop(id)
    return this.state()
  }

  close(): void {
    this.outbox.close()
  }

  private endpoint(): Endpoint | null {
    if (this.managed) return this.managed
    return this.deps.store.read(ENDPOINT_KEY, endpointSchema.nullable()) ?? null
  }

  private deliver(message: TeamMessage, key: string): ReturnType<Post> | null {
    const endpoint = this.endpoint()
    if (!endpoint) return null
    const rendered = teamChannels[endpoint.kind].render(message, {
      key,
      texts: this.deps.texts(),
      secret: endpoint.secret,
    })
    return this.deps.post({ url: endpoint.url, ...rendered })
  }
}
