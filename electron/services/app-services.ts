import type { ActionId, ActionSource } from '../../shared/actions'
import type { HostEvent } from '../../shared/channels'
import type { AppInfo, HostEventData } from '../../shared/contract'
import { keyPlatform } from '../../shared/accelerator'
import type { MicrophoneSourceOptions } from './integrations/sources/microphone'
import { MicrophoneSource } from './integrations/sources/microphone'
import type { CallService } from './calls/call-service'
import type { ActionService } from './calls/action-service'
import type { BackupJob, BackupJobResult } from './storage/backup-job'
import type { ExportJob, ExportJobResult } from './export/export-job'
import type { BackupService } from './storage/backup-service'
import type { PersonalDataService } from './storage/personal-data-service'
import type { RetentionService } from './storage/retention-service'
import type { Db } from './storage/database'
import { machineClock } from './time/local-clock'
import type { DeckService } from './deck/deck-service'
import type { ExportService, ExportShell } from './export/export-service'
import { FlushCoordinator } from './flush-coordinator'
import { createDispatcher, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import type { HotkeyService, ShortcutRegistrar } from './hotkeys/hotkey-service'
import type { NoteService } from './notes/note-service'
import type { CueService } from './cues/cue-service'
import type { RecoveryService } from './recovery/recovery-service'
import type { KeyValueStore, SettingsService } from './settings/settings-service'
import { noPolicy, type ManagedPolicy } from './policy/managed-policy'
import type { FolderOpener } from './support/about-service'
import { ErrorRing } from './support/error-ring'
import { markStartup } from './support/startup-marks'
import { environmentLocales } from './settings/system-locales'
import type { HelpService } from './team/help-service'
import type { Post } from './team/post'
import type { TeamService } from './team/team-service'
import type { CallIntegrations } from './integrations/hub'
import type { CompositionContext, Wiring } from './composition'
import { composeStorage } from './storage/compose'
import { composeSettings } from './settings/compose'
import { composeDeck } from './deck/compose'
import { composeRecovery } from './recovery/compose'
import { composeCalls } from './calls/compose'
import { composeNotes } from './notes/compose'
import { composeTeam } from './team/compose'
import { composeHotkeys } from './hotkeys/compose'
import { composeIntegrations } from './integrations/compose'
import { composeExport } from './export/compose'
import { composeTeamReport } from './team-report/compose'
import { composeCues } from './cues/compose'
import { composeSupport } from './support/compose'

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
  /**
   * A softphone call just opened and Settings ask to show the window, or the microphone source
   * asks a question: show it without taking focus.
   */
  onCallShown?: () => void
  log?: (line: string) => void
  /** Folder picker and "show in folder" for exports (desktop); none in the browser. */
  exportShell?: ExportShell | null
  /** Where the PDF fonts are; found next to the app by default. */
  fontDir?: string
  /** Runs a backup job; the built hosts pass a worker thread, by default it runs in this thread. */
  backupRunner?: (job: BackupJob) => Promise<BackupJobResult>
  /** Writes an export's files; the built hosts pass a worker thread, by default it runs in this thread. */
  exportRunner?: (job: ExportJob) => Promise<ExportJobResult>
  /** The microphone source's monitor and delays (tests); this OS's monitor by default. */
  microphone?: Partial<MicrophoneSourceOptions>
  /** The system's languages, best first, for the 'auto' language setting; from the environment by default. */
  systemLocales?: () => readonly string[]
  /** Sends a team message's POST; Node's fetch with a 5 s timeout by default. */
  teamPost?: Post
  /** Backoff between attempts to reach the team channel (tests shorten it). */
  teamBackoff?: { firstMs: number; maxMs: number }
  /** Opens the data folder in the file manager (desktop); none in the browser. */
  openFolder?: FolderOpener | null
  /** IT's managed policy (policy.json or `--policy`); none by default. */
  policy?: ManagedPolicy
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
  /** Export, import and delete all; its `deleteAll()` is also for a restart that empties the data. */
  personalData: PersonalDataService
  /** "Delete calls and notes older than N days"; a host calls `retention.start()` for the schedule. */
  retention: RetentionService
  /** The team channel and its outbox; a host calls `team.start()` to send what is queued. */
  team: TeamService
  help: HelpService
  /** What the live call cues leave: the caller's raised voice as an event, each call's figures. */
  cues: CueService
  /** The last errors the host logged, by name, for the Diagnostics export. */
  errors: ErrorRing
  /** IT's policy: presets, locks, the team channel, the deck (the one in force now). */
  readonly policy: ManagedPolicy
  /** IT's policy changed while running: every service uses the new one, the windows are told. */
  applyPolicy(next: ManagedPolicy): void
  dispatch: Dispatch
  info: AppInfo
  close(): void
}

/**
 * Opens the database and builds every service, plus the dispatcher that serves the contract.
 * Both hosts (Electron main and the web host) start here. Each domain composes its own services
 * (`<domain>/compose.ts`); this is the list of domains, in the order they are built.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const log = options.log ?? (() => {})
  const now = options.now ?? Date.now
  let policy = options.policy ?? noPolicy
  const logIssues = (issues: ManagedPolicy['issues']) => {
    for (const issue of issues) log(`policy: ${issue.path}: ${issue.message}`)
  }
  logIssues(policy.issues)
  const context: CompositionContext = {
    options,
    now,
    broadcast: options.broadcast ?? (() => {}),
    log,
    errors: new ErrorRing(now),
    platform: options.platform ?? keyPlatform(process.platform),
    policy: () => policy,
    systemLocales: options.systemLocales ?? (() => environmentLocales(process.env)),
    dayClock: machineClock(),
  }
  const { broadcast, errors, platform } = context

  // Each domain may use the ones above it at once, and any of them in its callbacks.
  const app = {} as Wiring
  Object.assign(app, composeStorage(context, app))
  Object.assign(app, composeDeck(context, app))
  Object.assign(app, composeSettings(context, app))
  Object.assign(app, composeRecovery(context, app))
  Object.assign(app, composeCalls(context, app))
  Object.assign(app, composeNotes(context, app))
  Object.assign(app, composeTeam(context, app))
  Object.assign(app, composeHotkeys(context, app))
  Object.assign(app, composeIntegrations(context, app))
  Object.assign(app, composeExport(context, app))
  Object.assign(app, composeTeamReport(context, app))
  Object.assign(app, composeCues(context, app))
  Object.assign(app, composeSupport(context, app))

  const flushes = new FlushCoordinator((requestId) => broadcast('app:flush', { requestId }))
  const info: AppInfo = {
    version: options.version,
    host: options.host,
    platform,
    notices: app.notices,
    policy: policy.view(),
  }
  const handlers = createHandlers({
    ...app,
    info,
    flushes,
    mic: app.integrations.sourceOf(MicrophoneSource) ?? unreachable('the microphone source'),
  })
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => log(errors.note(`internal error on ${channel}`, error)),
  })

  function applyPolicy(next: ManagedPolicy): void {
    policy = next
    logIssues(next.issues)
    info.policy = next.view()
    app.settings.setPolicy(next)
    app.team.setManaged(next.endpoint)
    app.decks.setManaged(next.deck)
    broadcast('policy:changed', info.policy)
  }

  app.hotkeys.bind(app.settings.get().hotkeys)
  markStartup('services-built')

  return {
    ...app,
    flushes,
    errors,
    get policy() {
      return policy
    },
    applyPolicy,
    dispatch,
    info,
    close: () => {
      app.retention.dispose()
      app.team.close()
      void app.integrations.close()
      app.hotkeys.unbindAll()
      app.recovery.dispose()
      app.backups.backupAtShutdown()
      app.db.close()
    },
  }
}

function unreachable(what: string): never {
  throw new Error(`${what} is missing`)
}
