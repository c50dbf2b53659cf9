import type { ActionId, ActionSource } from '../../shared/actions'
import type { HostEvent } from '../../shared/channels'
import type { AppInfo, HostEventData } from '../../shared/contract'
import { keyPlatform } from '../../shared/accelerator'
import { AppError } from '../../shared/result'
import { ActionService } from './calls/action-service'
import { CallEventIngest } from './integrations/call-event-ingest'
import { createCallSources } from './integrations/call-integrations'
import { CallIntegrations } from './integrations/hub'
import { MicrophoneSource, type MicrophoneSourceOptions } from './integrations/sources/microphone'
import { CallService } from './calls/call-service'
import type { BackupJob, BackupJobResult } from './storage/backup-job'
import type { ExportJob, ExportJobResult } from './export/export-job'
import { BackupService } from './storage/backup-service'
import { PersonalDataService } from './storage/personal-data-service'
import { RetentionService } from './storage/retention-service'
import { openDatabase, type Db } from './storage/database'
import { localClock, machineClock, machineTimeZone } from './time/local-clock'
import { DeckService } from './deck/deck-service'
import { ExportService, type ExportShell } from './export/export-service'
import { findFontDir } from './export/font-dir'
import { FlushCoordinator } from './flush-coordinator'
import { createDispatcher, type Dispatch } from './dispatch'
import { createHandlers } from './handlers'
import { HotkeyService, type ShortcutRegistrar } from './hotkeys/hotkey-service'
import { NoteService } from './notes/note-service'
import { CueService } from './cues/cue-service'
import { RecoveryService } from './recovery/recovery-service'
import { KeyValueStore, SettingsService } from './settings/settings-service'
import { noPolicy, type ManagedPolicy } from './policy/managed-policy'
import { AboutService, runtimeVersions, type FolderOpener } from './support/about-service'
import { buildDiagnostics } from './support/diagnostics'
import { ErrorRing } from './support/error-ring'
import { markStartup } from './support/startup-marks'
import { environmentLocales } from './settings/system-locales'
import { hostTexts } from '../../shared/i18n/host-catalog'
import { resolveLocale } from '../../shared/locales'
import { HelpService } from './team/help-service'
import { httpPost, type Post } from './team/post'
import { TeamService } from './team/team-service'
import { shiftSummaryPoster } from './team/shift-summary'
import os from 'node:os'
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
 * Both hosts (Electron main and the web host) start here.
 */
export function createAppServices(options: AppServicesOptions): AppServices {
  const now = options.now ?? Date.now
  const broadcast: Broadcast = options.broadcast ?? (() => {})
  const log = options.log ?? (() => {})
  const errors = new ErrorRing(now)
  const platform = options.platform ?? keyPlatform(process.platform)
  let policy = options.policy ?? noPolicy
  const logIssues = (issues: ManagedPolicy['issues']) => {
    for (const issue of issues) log(`policy: ${issue.path}: ${issue.message}`)
  }
  logIssues(policy.issues)
  const { db, file, notices } = openDatabase({ dir: options.dataDir, now, nativeBinding: options.nativeBinding })
  markStartup('database-open')
  const store = new KeyValueStore(db)
  const decks = new DeckService(db, now, (state) => broadcast('deck:changed', state), policy.deck)
  const settings = new SettingsService(
    store,
    (value, changed) => {
      if (changed.has('hotkeys')) hotkeys.bind(value.hotkeys)
      integrations.applySettings(value)
      if (changed.has('retentionDays')) void retention.run()
      broadcast('settings:changed', value)
    },
    platform,
    policy,
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
  const systemLocales = options.systemLocales ?? (() => environmentLocales(process.env))
  const language = () => resolveLocale(settings.get().locale, systemLocales())
  const team = new TeamService({
    db,
    store,
    now,
    post: options.teamPost ?? httpPost({ timeoutMs: 5000 }),
    texts: () => hostTexts[language()].team,
    onChange: (state) => broadcast('team:changed', state),
    backoff: options.teamBackoff,
    log,
    managed: policy.endpoint,
  })
  const actions = new ActionService(
    calls,
    recovery,
    options.onUiAction ?? ((action, source) => broadcast('ui:action', { action, source })),
    {
      requestHelp: (source) => help.request(source),
      logged: (event) => {
        if (event.kind !== 'supervisor-requested' || !settings.get().teamHelpOnSupervisor) return
        try {
          help.request('supervisor')
        } catch (error) {
          log(errors.note('help request on supervisor requested not queued', error))
        }
      },
    },
  )
  const hotkeys = new HotkeyService(
    options.shortcuts ?? null,
    (action) => runHotkey(action),
    (status) => broadcast('hotkeys:changed', status),
  )
  let shownPrompt: string | null = null
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
        microphone: {
          onState: (state) => {
            // A new question shows the window like a call does: without taking focus.
            const prompt = state.prompt ? `${state.prompt.kind}:${state.prompt.app}` : null
            if (prompt && prompt !== shownPrompt) options.onCallShown?.()
            shownPrompt = prompt
            broadcast('mic:changed', state)
          },
          remember: (app, choice) => settings.update({ micApps: { ...settings.get().micApps, [app]: choice } }),
          ...options.microphone,
        },
      }),
    log,
  })
  const notes = new NoteService(db, now)
  const exports = new ExportService({
    db,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    runJob: options.exportRunner,
    now,
    settings: () => settings.get(),
    eventKinds: () => decks.eventKinds(),
    fontDir: options.fontDir ?? findFontDir(),
    shell: options.exportShell ?? null,
    // Locked choices stay the policy's (the run was refused had it differed from them).
    rememberChoices: (choices) => {
      const own = Object.fromEntries(Object.entries(choices).filter(([key]) => !(key in policy.locked)))
      if (Object.keys(own).length > 0) settings.update(own)
    },
    locked: () => policy.locked,
    systemLocales,
    onWritten: (report) => {
      try {
        postShiftSummary(report)
      } catch (error) {
        log(errors.note('shift summary not queued', error))
      }
    },
    teamCopy: (report, renderOptions) =>
      writeTeamCopy(report, {
        settings: () => settings.get(),
        agentId: () => agentId(store),
        breaks: (from, to) => recovery.summary(from, to),
        helpRequests: (from, to) => team.outbox.countBetween('help', from, to),
        render: (withTeam, format) => renderReport(withTeam, format, renderOptions),
        clock: localClock(machineTimeZone()),
      }),
  })
  const dayClock = machineClock()
  const help = new HelpService({
    calls,
    notes,
    eventKinds: () => decks.eventKinds(),
    now,
    clock: dayClock,
    language,
    agentName: () => settings.get().teamDisplayName,
    send: (message) => team.send(message),
  })
  const postShiftSummary = shiftSummaryPoster({
    enabled: () => settings.get().teamShiftSummary,
    hasChannel: () => team.hasChannel(),
    agentName: () => settings.get().teamDisplayName,
    breaks: (from, to) => recovery.summary(from, to),
    clock: dayClock,
    send: (message, key) => team.send(message, key),
  })
  const backups = new BackupService({
    db,
    dbFile: file,
    now,
    keep: () => ({ daily: settings.get().backupKeepDaily, weekly: settings.get().backupKeepWeekly }),
    dayOf: (ms) => dayClock.date(ms),
    run: options.backupRunner,
    nativeBinding: options.nativeBinding,
    onChange: (state) => broadcast('backups:changed', state),
    onRestored: (restoredFrom) => {
      settings.reload()
      decks.reload()
      calls.reload()
      recovery.reload()
      broadcast('app:restored', { restoredFrom })
    },
    log,
  })
  const retention = new RetentionService({
    db,
    now,
    days: () => settings.get().retentionDays,
    onPurged: () => calls.reload(),
    log,
  })
  const personalData = new PersonalDataService({
    db,
    dataDir: options.dataDir,
    appVersion: options.version,
    now,
    settings: () => settings.get(),
    backupsIdle: () => backups.idle(),
    whileIntegrationsStopped: (work) => integrations.whileStopped(work),
    onReplaced: () => {
      const current = settings.get()
      hotkeys.bind(current.hotkeys)
      integrations.applySettings(current)
      broadcast('settings:changed', current)
      decks.reload()
      calls.reload()
      recovery.reload()
      broadcast('backups:changed', backups.state())
    },
  })
  const flushes = new FlushCoordinator((requestId) => broadcast('app:flush', { requestId }))
  const teamReports = new TeamReportService({
    now,
    fontDir: options.fontDir ?? findFontDir(),
    // Read when a report is written: the machine's zone is not needed to start.
    get timeZone() {
      return machineTimeZone()
    },
    language: () => exports.reportLanguage(),
  })
  const cues = new CueService({ db, calls })
  const info: AppInfo = { version: options.version, host: options.host, platform, notices, policy: policy.view() }
  const about = new AboutService({
    version: options.version,
    dataDir: options.dataDir,
    versions: runtimeVersions(process.versions, (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v),
    openFolder: options.openFolder ?? null,
  })
  const diagnostics = () =>
    buildDiagnostics({
      about: () => about.get(),
      host: options.host,
      platform: `${process.platform} ${process.arch}`,
      settings: () => settings.get(),
      integrations: () => integrations.status(),
      errors: () => errors.recent(),
      storage: () => storageFacts(db),
      now,
      home: os.homedir(),
    })

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
    personalData,
    team,
    help,
    mic: integrations.sourceOf(MicrophoneSource) ?? unreachable('the microphone source'),
    about,
    diagnostics,
    teamReports,
    cues,
  })
  const dispatch = createDispatcher(handlers, {
    onInternalError: (channel, error) => log(errors.note(`internal error on ${channel}`, error)),
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
      if (!(error instanceof AppError)) log(errors.note(`hotkey ${action} failed`, error))
      const data =
        error instanceof AppError ? error.toData() : { code: 'internal' as const, message: 'The action failed.' }
      broadcast('actions:performed', { source: 'hotkey', action, error: data })
    }
  }

  function applyPolicy(next: ManagedPolicy): void {
    policy = next
    logIssues(next.issues)
    info.policy = next.view()
    settings.setPolicy(next)
    team.setManaged(next.endpoint)
    decks.setManaged(next.deck)
    broadcast('policy:changed', info.policy)
  }

  hotkeys.bind(settings.get().hotkeys)
  markStartup('services-built')

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
    personalData,
    retention,
    team,
    help,
    cues,
    errors,
    get policy() {
      return policy
    },
    applyPolicy,
    dispatch,
    info,
    close: () => {
      retention.dispose()
      team.close()
      void integrations.close()
      hotkeys.unbindAll()
      recovery.dispose()
      backups.backupAtShutdown()
      db.close()
    },
  }
}

function unreachable(what: string): never {
  throw new Error(`${what} is missing`)
}

/** How much is stored, without any of it: the schema version and the row count of each table. */
function storageFacts(db: Db): Record<string, number> {
  const facts: Record<string, number> = { schemaVersion: db.pragma('user_version', { simple: true }) as number }
  for (const table of ['calls', 'events', 'notes', 'recoveries', 'decks']) {
    facts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  }
  return facts
}
