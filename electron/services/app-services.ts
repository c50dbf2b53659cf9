import type { HostEvent } from '../../shared/channels'
import type { AppInfo, HostEventData } from '../../shared/contract'
import { openDatabase, type Db } from './database'
import { DeckService } from './deck-service'
import { createDispatcher, type Dispatch, type Handlers } from './dispatch'
import { KeyValueStore, SettingsService } from './settings-service'

export type Broadcast = <E extends HostEvent>(event: E, data: HostEventData<E>) => void

export interface AppServicesOptions {
  dataDir: string
  host: AppInfo['host']
  version: string
  now?: () => number
  nativeBinding?: string
  /** Sends a host event to every open window. */
  broadcast?: Broadcast
  log?: (line: string) => void
}

export interface AppServices {
  db: Db
  store: KeyValueStore
  settings: SettingsService
  decks: DeckService
  dispatch: Dispatch
  info: AppInfo
  close(): void
}

/**
 * Opens the database and builds every service, plus the dispatcher that serves the contract.
 * Both hosts (Electron main and the web host) start here.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const now = options.now ?? Date.now
  const broadcast: Broadcast = options.broadcast ?? (() => {})
  const log = options.log ?? (() => {})
  const { db, notices } = openDatabase({ dir: options.dataDir, now, nativeBinding: options.nativeBinding })
  const store = new KeyValueStore(db)
  const settings = new SettingsService(store, (value) => broadcast('settings:changed', value))
  const decks = new DeckService(db, now, (state) => broadcast('deck:changed', state))
  const info: AppInfo = { version: options.version, host: options.host, notices }

  const handlers: Handlers = {
    'app:info': () => info,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'deck:get': () => decks.get(),
    'deck:import': ({ text }) => decks.import(text),
    'deck:export': () => decks.export(),
    'deck:reset': () => decks.reset(),
  }
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => log(`internal error on ${channel}: ${errorName(error)}`),
  })

  return { db, store, settings, decks, dispatch, info, close: () => db.close() }
}

/** Names an error for logs without its message, which could echo user data. */
function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' ? `${error.name} (${code})` : error.name
  }
  return typeof error
}
