import type { AppInfo } from '../../shared/contract'
import type { AppServicesOptions, Broadcast } from './app-services'
import type { CallsServices } from './calls/compose'
import type { CuesServices } from './cues/compose'
import type { DeckServices } from './deck/compose'
import type { ExportServices } from './export/compose'
import type { HotkeysServices } from './hotkeys/compose'
import type { IntegrationsServices } from './integrations/compose'
import type { NotesServices } from './notes/compose'
import type { ManagedPolicy } from './policy/managed-policy'
import type { RecoveryServices } from './recovery/compose'
import type { SettingsServices } from './settings/compose'
import type { StorageServices } from './storage/compose'
import type { ErrorRing } from './support/error-ring'
import type { SupportServices } from './support/compose'
import type { TeamReportServices } from './team-report/compose'
import type { TeamServices } from './team/compose'
import type { LocalClock } from './time/local-clock'

/** What every domain's `compose…()` gets besides the other domains: the host's options and the shared parts. */
export interface CompositionContext {
  readonly options: AppServicesOptions
  readonly now: () => number
  /** Sends a host event to every open window. */
  readonly broadcast: Broadcast
  readonly log: (line: string) => void
  /** The last errors logged, by name, for the Diagnostics export. */
  readonly errors: ErrorRing
  readonly platform: AppInfo['platform']
  /** IT's policy in force now (replaced while running by `applyPolicy`). */
  readonly policy: () => ManagedPolicy
  /** The system's languages, best first. */
  readonly systemLocales: () => readonly string[]
  /** The machine's local calendar (made on first use). */
  readonly dayClock: LocalClock
}

/**
 * Every domain's services, as the composition root builds them (`app-services.ts`). A domain's
 * `compose…(context, app)` may use the domains built before it at once, and any domain later
 * (inside callbacks, which run once everything is built).
 */
export type Wiring = StorageServices &
  SettingsServices &
  DeckServices &
  RecoveryServices &
  CallsServices &
  NotesServices &
  TeamServices &
  HotkeysServices &
  IntegrationsServices &
  ExportServices &
  TeamReportServices &
  CuesServices &
  SupportServices
