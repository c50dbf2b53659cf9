import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { CallEventOrigin, ExternalCallEvent } from '../../../shared/call-events'
import { AppError } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import { CallEventIngest } from '../../../electron/services/integrations/call-event-ingest'
import type {
  CallSource,
  CallSourceContext,
  CallSourceStartOptions,
  CallSourceStatus,
} from '../../../electron/services/integrations/call-source'
import { CallIntegrations } from '../../../electron/services/integrations/hub'
import { LocalApiSource } from '../../../electron/services/integrations/sources/local-api'
import { testServices, type TestServices } from '../../helpers/services'

/** A source as a new integration would add it: its own setting, its own origin. */
class RecordingSource implements CallSource {
  readonly id = 'recording'
  readonly origins: readonly CallEventOrigin[] = ['local-api']
  readonly offMessage = 'The recording source is turned off.'
  readonly seen: string[] = []
  constructor(readonly context: CallSourceContext) {}
  enabled(settings: Settings): boolean {
    return settings.callEventsLocal
  }
  start(settings: Settings, options: CallSourceStartOptions): void {
    this.seen.push(`start:${settings.callEventsLocal}:${options.apiPort ?? '-'}`)
  }
  applySettings(settings: Settings): void {
    this.seen.push(`apply:${settings.callEventsLocal}`)
  }
  stop(): void {
    this.seen.push('stop')
  }
  status(settings: Settings): CallSourceStatus {
    return { id: this.id, state: this.enabled(settings) ? 'on' : 'off' }
  }
  handleArgv(argv: readonly string[]) {
    return argv.includes('--ring') ? this.context.receive({ type: 'answered', externalId: 'argv' }, 'local-api') : null
  }
  emit(event: ExternalCallEvent) {
    return this.context.receive(event, 'local-api')
  }
}

let services: TestServices
let source: RecordingSource
let hub: CallIntegrations

beforeEach(() => {
  services = testServices()
  const ingest = new CallEventIngest({
    calls: services.calls,
    now: () => Date.parse('2026-11-22T10:00:00Z'),
    onPerformed: () => {},
  })
  hub = new CallIntegrations({
    dataDir: services.dir,
    settings: () => services.settings.get(),
    ingest,
    sources: (context) => [(source = new RecordingSource(context))],
  })
})

afterEach(async () => {
  await hub.close()
  await services.integrations.close()
  services.dispose()
})

describe('the call source hub', () => {
  it('starts, updates and stops a source it knows only through the interface', async () => {
    hub.applySettings(services.settings.get())
    expect(source.seen).toEqual([])
    await hub.start({ apiPort: 0 })
    await hub.start({ apiPort: 0 })
    hub.applySettings({ ...services.settings.get(), callEventsLocal: false })
    await hub.close()
    expect(source.seen).toEqual(['start:true:0', 'apply:false', 'stop'])
  })

  it('sends an enabled source’s events to the one ingest path', async () => {
    await hub.start()
    expect(source.emit({ type: 'answered', externalId: 'a1', number: '+31 20 555 0101' }).result).toBe('started')
    expect(services.calls.current().call).toMatchObject({ source: 'integration', endedAt: null })
    expect(source.emit({ type: 'ended', externalId: 'a1' }).result).toBe('ended')
    expect(services.calls.current().call).toBeNull()
  })

  it('refuses events from a source Settings turn off, with its own message, and records nothing', async () => {
    await hub.start()
    services.settings.update({ callEventsLocal: false })
    let refusal: unknown
    try {
      source.emit({ type: 'answered', externalId: 'a2' })
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(AppError)
    expect((refusal as AppError).code).toBe('unavailable')
    expect((refusal as AppError).message).toBe('The recording source is turned off.')
    expect(services.calls.list(0, Number.MAX_SAFE_INTEGER)).toHaveLength(0)
    expect(hub.status()).toEqual([{ id: 'recording', state: 'off' }])
  })

  it('hands the command line to the source that reads it, and ignores what none does', async () => {
    await hub.start()
    expect(hub.handleArgv(['calmdeck', '--unrelated'])).toBeNull()
    expect(hub.handleArgv(['calmdeck', '--ring'])?.result).toBe('started')
  })
})

describe('the shipped list of sources', () => {
  it('names every source with its state, and the local API once it listens', async () => {
    const ids = services.integrations.status().map((status) => status.id)
    expect(ids).toEqual(['command-line', 'local-api', 'baresip', 'microphone'])
    expect(services.integrations.status()[1]).toMatchObject({ state: 'waiting' })
    await services.integrations.start({ apiPort: 0 })
    const port = services.integrations.sourceOf(LocalApiSource)?.port
    expect(port).toBeGreaterThan(0)
    expect(services.integrations.status()).toEqual([
      { id: 'command-line', state: 'on' },
      { id: 'local-api', state: 'on', detail: `127.0.0.1:${port}` },
      { id: 'baresip', state: 'off' },
      { id: 'microphone', state: 'off' },
    ])
    services.settings.update({ callEventsLocal: false, callEventsBaresip: true, baresipAddress: '127.0.0.1:1' })
    expect(services.integrations.status().map((status) => status.state)).toEqual(['off', 'off', 'waiting', 'off'])
  })
})
