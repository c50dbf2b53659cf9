import type { ActionId, ActionSource } from '../../shared/actions'
import type { HostEvent } from '../../shared/channels'
import type { AppInfo, HostEventData } from '../../shared/contract'
import { AppError } from '../../shared/result'
import { ActionService } from './action-service'
import { CallService } from './call-service'
import { openDatabase, type Db } from './database'
import { DeckService } from './deck-service'
import { createDispatcher, type Dispatch, type Handlers } from './dispatch'
import { HotkeyService, type ShortcutRegistrar } from './hotkey-service'
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
  /** The OS's global shortcuts; none in the browser. */
  shortcuts?: ShortcutRegistrar | null
  /** Deck and window actions (next card, show/hide). By default they go to the windows. */
  onUiAction?: (action: ActionId, source: ActionSource) => void
  log?: (line: string) => void
}

export interface AppServices {
  db: Db
  store: KeyValueStore
  settings: SettingsService
  decks: DeckService
  calls: CallService
  actions: ActionService
  hotkeys: HotkeyService
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
  const decks = new DeckService(db, now, (state) => broadcast('deck:changed', state))
  let boundHotkeys = ''
  const bindHotkeys = (overrides: Record<string, string | null>) => {
    const key = JSON.stringify(overrides)
    if (key !== boundHotkeys) hotkeys.bind(overrides)
    boundHotkeys = key
  }
  const settings = new SettingsService(store, (value) => {
    bindHotkeys(value.hotkeys)
    broadcast('settings:changed', value)
  })
  const calls = new CallService({
    db,
    now,
    callerStorage: () => settings.get().callerNumber,
    eventKinds: () => decks.eventKinds(),
    onChange: (state) => broadcast('calls:changed', state),
  })
  const actions = new ActionService(
    calls,
    options.onUiAction ?? ((action, source) => broadcast('ui:action', { action, source })),
  )
  const hotkeys = new HotkeyService(
    options.shortcuts ?? null,
    (action) => runHotkey(action),
    (status) => broadcast('hotkeys:changed', status),
  )
  const info: AppInfo = { version: options.version, host: options.host, notices }

  const handlers: Handlers = {
    'app:info': () => info,
    'settings:get': () => settings.get(),
    'settings:update': (patch) => settings.update(patch),
    'deck:get': () => decks.get(),
    'deck:import': ({ text }) => decks.import(text),
    'deck:export': () => decks.export(),
    'deck:reset': () => decks.reset(),
    'actions:perform': ({ action, text }) => actions.perform(action, 'window', text),
    'calls:current': () => calls.current(),
    'calls:list': ({ from, to, hardOnly }) => calls.list(from, to, hardOnly),
    'calls:timeline': ({ callId }) => calls.timeline(callId),
    'events:undo': ({ eventId }) => calls.undo(eventId),
    'hotkeys:status': () => hotkeys.status(),
  }
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => log(`internal error on ${channel}: ${errorName(error)}`),
  })

  /**
   * A global hotkey: carried out at once, in the host, even while the window is hidden. The
   * windows are told what happened, a refusal (e.g. no call to end) included.
   */
  function runHotkey(action: ActionId): void {
    try {
      const outcome = actions.perform(action, 'hotkey')
      if (outcome.type !== 'ui') broadcast('actions:performed', { source: 'hotkey', action, outcome })
    } catch (error) {
      if (!(error instanceof AppError)) log(`hotkey ${action} failed: ${errorName(error)}`)
      const data =
        error instanceof AppError ? error.toData() : { code: 'internal' as const, message: 'The action failed.' }
      broadcast('actions:performed', { source: 'hotkey', action, error: data })
    }
  }

  bindHotkeys(settings.get().hotkeys)

  return {
    db,
    store,
    settings,
    decks,
    calls,
    actions,
    hotkeys,
    dispatch,
    info,
    close: () => {
      hotkeys.unbindAll()
      db.close()
    },
  }
}

/** Names an error for logs without its message, which could echo user data. */
function errorName(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code
    return typeof code === 'string' ? `${error.name} (${code})` : error.name
  }
  return typeof error
}
