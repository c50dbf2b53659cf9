import type { AppInfo } from '../../shared/contract'
import type { ActionService } from './calls/action-service'
import type { CallService } from './calls/call-service'
import type { DeckService } from './deck/deck-service'
import type { Handlers } from './dispatch'
import type { ExportService } from './export/export-service'
import type { FlushCoordinator } from './flush-coordinator'
import type { HotkeyService } from './hotkeys/hotkey-service'
import type { NoteService } from './notes/note-service'
import type { RecoveryService } from './recovery/recovery-service'
import type { SettingsService } from './settings/settings-service'
import type { BackupService } from './storage/backup-service'
import type { PersonalDataService } from './storage/personal-data-service'
import type { HelpService } from './team/help-service'
import type { TeamService } from './team/team-service'
import type { MicrophoneSource } from './integrations/sources/microphone'
import type { AboutService } from './support/about-service'
import type { TeamReportService } from './team-report/team-report-service'
import type { CueService } from './cues/cue-service'

export interface HandlerServices {
  info: AppInfo
  settings: SettingsService
  decks: DeckService
  actions: ActionService
  calls: CallService
  hotkeys: HotkeyService
  notes: NoteService
  recovery: RecoveryService
  exports: ExportService
  flushes: FlushCoordinator
  backups: BackupService
  personalData: PersonalDataService
  team: TeamService
  help: HelpService
  mic: MicrophoneSource
  about: AboutService
  /** Builds the Diagnostics file (support/diagnostics.ts). */
  diagnostics: () => { fileName: string; text: string }
  teamReports: TeamReportService
  cues: CueService
}

/**
 * The contract's channels, each answered by the service that owns it. Requests arrive parsed by
 * their schemas (see dispatch.ts); actions from the window carry the source 'window'. Pure wiring:
 * a handler calls one service method and decides nothing itself.
 */
export function createHandlers(services: HandlerServices): Handlers {
  const { info, settings, decks, actions, calls, hotkeys, notes, recovery, exports, flushes, backups, personalData } =
    services
  const { team, help } = services
  const { mic } = services
  const { about } = services
  const { teamReports } = services
  const { cues } = services

  return {
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
    'notes:get': ({ id }) => notes.get(id),
    'notes:for-call': ({ callId }) => notes.forCall(callId),
    'notes:save': (note) => notes.save(note),
    'notes:search': ({ query, limit }) => notes.search(query, limit),
    'recovery:current': () => recovery.current(),
    'recovery:start': ({ minutes }) => recovery.start('window', minutes),
    'recovery:decline': () => recovery.decline('window'),
    'recovery:pause': () => recovery.pause(),
    'recovery:resume': () => recovery.resume(),
    'recovery:extend': ({ minutes }) => recovery.extend(minutes),
    'recovery:end': () => recovery.endEarly(),
    'day:summary': ({ from, to }) => recovery.summary(from, to),
    'export:preview': ({ range, language }) => exports.preview(range, language),
    'export:run': (request) => exports.run(request),
    'export:choose-folder': () => exports.chooseFolder(),
    'export:reveal': ({ path }) => exports.reveal(path),
    'backups:state': () => backups.state(),
    'backups:create': () => backups.backUpByHand(),
    'backups:restore': ({ name }) => backups.restore(name),
    'app:flushed': ({ requestId }) => flushes.acknowledge(requestId),
    'calls:pin': ({ callId, pinned }) => calls.setPinned(callId, pinned),
    'data:export': () => personalData.export(),
    'data:import': ({ text }) => personalData.import(text),
    'data:delete-all': () => personalData.deleteAll(),
    'team:state': () => team.state(),
    'team:set-endpoint': (request) => team.setEndpoint(request),
    'team:help': (options) => help.request('window', options),
    'team:test': () => help.test(),
    'team:retry': ({ id }) => team.retry(id),
    'team:drop': ({ id }) => team.drop(id),
    'mic:state': () => mic.state(),
    'mic:answer': (answer) => mic.answer(answer),
    'about:get': () => about.get(),
    'about:open-data-dir': () => about.openDataDir(),
    'diagnostics:export': () => services.diagnostics(),
    'team-report:preview': (request) => teamReports.preview(request),
    'team-report:write': (request) => teamReports.write(request),
    'cues:caller-raised': ({ callId }) => cues.callerRaised(callId),
    'cues:save': ({ callId, figures }) => cues.save(callId, figures),
    'cues:for-call': ({ callId }) => cues.forCall(callId),
  }
}
