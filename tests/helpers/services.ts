import {
  createAppServices,
  type AppServices,
  type AppServicesOptions,
  type Broadcast,
} from '../../electron/services/app-services'
import { tempDir } from './temp-dir'

export interface TestServices extends AppServices {
  events: { event: string; data: unknown }[]
  dir: string
  dispose(): void
}

/**
 * The real services on a real SQLite file in a temporary folder (or `existing`, which is then
 * left in place by `dispose`), with a fixed clock.
 */
export function testServices(
  now: () => number = () => Date.parse('2026-11-22T10:00:00Z'),
  existing?: string,
  /** More options for the services, e.g. a shorter team backoff. */
  extra: Partial<AppServicesOptions> = {},
): TestServices {
  const { dir, cleanup } = existing ? { dir: existing, cleanup: () => {} } : tempDir()
  const events: { event: string; data: unknown }[] = []
  const broadcast: Broadcast = (event, data) => events.push({ event, data })
  const services = createAppServices({ dataDir: dir, host: 'web', version: 'test', now, broadcast, ...extra })
  // Object.assign keeps the services' getters (the policy in force) live.
  return Object.assign(services, {
    events,
    dir,
    dispose: () => {
      services.close()
      cleanup()
    },
  })
}
