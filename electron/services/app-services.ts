import type { ActionId, ActionSource } from '../../shared/actions'
import type { HostEvent } from '../../shared/channels'
import type { AppInfo, HostEventData } from '../../shared/contract'
import { keyPlatform } from '../../shared/accelerator'
import { AppError } from '../../shared/result'
import { ActionService } from './calls/action-service'
import { CallEventIngest } from './integrations/call-event-ingest'
import { createCallSources } from './integrations/call-integrations'
import { CallIntegrations } from './integrations/hub'
import { CallService } from './calls/call-service'
import type { BackupJob, BackupJobResult } from './storage/backup-job'
import { BackupService } from './storage/backup-service'
import { openDatabase, type Db } from './storage/database'
import { localClock, machineTimeZone } from './time/local-clock'
import { DeckService } from './deck/deck-service'
import { ExportService, type ExportShell } from './export/export-service'
import { findFontDir } from './export/font-dir'
import { FlushCoordinator } from './flush-coordinator'
import { createDispatcher, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { HotkeyService, type ShortcutRegistrar } from './hotkeys/hotkey-service'
import { NoteService } from './notes/note-service'
import { RecoveryService } from './recovery/recovery-service'
import { KeyValueStore, SettingsService } from './settings/settings-service'
import { environmentLocales } from './settings/system-locales'
import { renderReport } from './export/format-renderers'
import { agentId } from './team-report/agent-id'
import { writeTeamCopy } from './team-report/team-folder'
import { TeamReportService } from './team-report/team-report-service'

export type Broadcast = <E extends HostEvent>(event: E, data: HostEventData<E>) => void

export interface AppServicesOptions {
  dataDir: string
  host: AppInfo['host']
  /** The keyboard's operating system; the one this runs on unless a test says otherwise. */
  platform?: AppInfo['platform']
  version: string
  now?: () => number
  nativeBinding?: string
  /** Sends a host event to every open window. */
  broadcast?: Broadcast
  /** The OS's global shortcuts; none in the browser. */
  shortcuts?: ShortcutRegistrar | null
  /** A recovery break just ran out: the desktop shows a notification. */
  onRecoveryFinished?: () => void
  /** Deck and window actions (next card, show/hide). By default they go to the windows. */
  onUiAction?: (action: ActionId, source: ActionSource) => void
  /** A softphone call just opened and Settings ask to show the window (without focus). */
  onCallShown?: () => void
  log?: (line: string) => void
  /** Folder picker and "show in folder" for exports (desktop); none in the browser. */
  exportShell?: ExportShell | null
  /** Where the PDF fonts are; found next to the app by default. */
  fontDir?: string
  /** Runs a backup job; the built hosts pass a worker thread, by default it runs in this thread. */
  backupRunner?: (job: BackupJob) => Promise<BackupJobResult>
  /** The system's languages, best first, for the 'auto' language setting; from the environment by default. */
  systemLocales?: () => readonly string[]
}

export interface AppServices {
  db: Db
  store: KeyValueStore
  settings: SettingsService
  decks: DeckService
  calls: CallService
  actions: ActionService
  hotkeys: HotkeyService
  /** Softphone call events; a host calls `integrations.start()` to listen. */
  integrations: CallIntegrations
  notes: NoteService
  exports: ExportService
  recovery: RecoveryService
  flushes: FlushCoordinator
  /** Automatic backups; a host calls `backups.start()` for the schedule. */
  backups: BackupService
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
  const platform = options.platform ?? keyPlatform(process.platform)
  const { db, file, notices } = openDatabase({ dir: options.dataDir, now, nativeBinding: options.nativeBinding })
  const store = new KeyValueStore(db)
  const decks = new DeckService(db, now, (state) => broadcast('deck:changed', state))
  const settings = new SettingsService(
    store,
    (value, changed) => {
      if (changed.has('hotkeys')) hotkeys.bind(value.hotkeys)
      integrations.applySettings(value)
      broadcast('settings:changed', value)
    },
    platform,
  )
  const calls = new CallService({
    db,
    now,
    callerStorage: () => settings.get().callerNumber,
    eventKinds: () => decks.eventKinds(),
    onChange: (state) => broadcast('calls:changed', state),
    onEnded: (call) => {
      if (call.hard) recovery.offer(call.id)
    },
  })
  const recovery = new RecoveryService({
    db,
    now,
    defaultMinutes: () => settings.get().recoveryMinutes,
    onChange: (state) => broadcast('recovery:changed', state),
    onFinished: () => options.onRecoveryFinished?.(),
  })
  recovery.watch()
  const actions = new ActionService(
    calls,
    recovery,
    options.onUiAction ?? ((action, source) => broadcast('ui:action', { action, source })),
  )
  const hotkeys = new HotkeyService(
    options.shortcuts ?? null,
    (action) => runHotkey(action),
    (status) => broadcast('hotkeys:changed', status),
  )
  const integrations = new CallIntegrations({
    dataDir: options.dataDir,
    settings: () => settings.get(),
    ingest: new CallEventIngest({
      calls,
      now,
      onPerformed: (action, outcome) => broadcast('actions:performed', { source: 'integration', action, outcome }),
      onCallStarted: () => {
        if (settings.get().showOnCallStart) options.onCallShown?.()
      },
      log,
    }),
    sources: (context) =>
      createCallSources(context, {
        onRefused: (error) => broadcast('actions:performed', { source: 'integration', action: 'call-start', error }),
      }),
    log,
  })
  const notes = new NoteService(db, now)
  const exports = new ExportService({
    db,
    now,
    settings: () => settings.get(),
    eventKinds: () => decks.eventKinds(),
    fontDir: options.fontDir ?? findFontDir(),
    shell: options.exportShell ?? null,
    rememberChoices: (choices) => settings.update(choices),
    systemLocales: options.systemLocales ?? (() => environmentLocales(process.env)),
    teamCopy: (report, renderOptions) =>
      writeTeamCopy(report, {
        settings: () => settings.get(),
        agentId: () => agentId(store),
        breaks: (from, to) => recovery.summary(from, to),
        render: (withTeam, format) => renderReport(withTeam, format, renderOptions),
        clock: localClock(machineTimeZone()),
      }),
  })
  const dayClock = localClock(machineTimeZone())
  const backups = new BackupService({
    db,
    dbFile: file,
    now,
    keep: () => ({ daily: settings.get().backupKeepDaily, weekly: settings.get().backupKeepWeekly }),
    dayOf: (ms) => dayClock.date(ms),
    run: options.backupRunner,
    nativeBinding: options.nativeBinding,
    onChange: (state) => broadcast('backups:changed', state),
    log,
  })
  const flushes = new FlushCoordinator((requestId) => broadcast('app:flush', { requestId }))
  const teamReports = new TeamReportService({
    now,
    fontDir: options.fontDir ?? findFontDir(),
    timeZone: machineTimeZone(),
    language: () => exports.reportLanguage(),
  })
  const info: AppInfo = { version: options.version, host: options.host, platform, notices }

  const handlers = createHandlers({
    info,
    settings,
    decks,
    actions,
    calls,
    hotkeys,
    notes,
    recovery,
    exports,
    flushes,
    backups,
    teamReports,
  })
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

  hotkeys.bind(settings.get().hotkeys)

  return {
    db,
    store,
    settings,
    decks,
    calls,
    actions,
    hotkeys,
    integrations,
    notes,
    exports,
    recovery,
    flushes,
    backups,
    dispatch,
    info,
    close: () => {
      void integrations.close()
      hotkeys.unbindAll()
      recovery.dispose()
      backups.backupAtShutdown()
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
