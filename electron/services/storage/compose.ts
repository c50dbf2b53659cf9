import type { StorageNotice } from '../../../shared/contract'
import type { CompositionContext, Wiring } from '../composition'
import { markStartup } from '../support/startup-marks'
import { BackupService } from './backup-service'
import { openDatabase, type Db } from './database'
import { PersonalDataService } from './personal-data-service'
import { RetentionService } from './retention-service'

export interface StorageServices {
  db: Db
  /** The live database file. */
  dbFile: string
  /** What happened to the database at the start (moved aside, restored, a failed backup). */
  notices: StorageNotice[]
  /** Automatic backups; a host calls `backups.start()` for the schedule. */
  backups: BackupService
  /** "Delete calls and notes older than N days"; a host calls `retention.start()` for the schedule. */
  retention: RetentionService
  /** Export, import and delete all; its `deleteAll()` is also for a restart that empties the data. */
  personalData: PersonalDataService
}

/** The database (opened, checked, migrated) and what keeps it: backups, retention, the agent's own data. */
export function composeStorage(
  { options, now, broadcast, log, dayClock }: CompositionContext,
  app: Wiring,
): StorageServices {
  const { db, file, notices } = openDatabase({ dir: options.dataDir, now, nativeBinding: options.nativeBinding })
  markStartup('database-open')
  const backups = new BackupService({
    db,
    dbFile: file,
    now,
    keep: () => ({ daily: app.settings.get().backupKeepDaily, weekly: app.settings.get().backupKeepWeekly }),
    dayOf: (ms) => dayClock.date(ms),
    run: options.backupRunner,
    nativeBinding: options.nativeBinding,
    onChange: (state) => broadcast('backups:changed', state),
    onRestored: (restoredFrom) => {
      app.settings.reload()
      app.decks.reload()
      app.calls.reload()
      app.recovery.reload()
      broadcast('app:restored', { restoredFrom })
    },
    log,
  })
  const retention = new RetentionService({
    db,
    now,
    days: () => app.settings.get().retentionDays,
    onPurged: () => app.calls.reload(),
    log,
  })
  const personalData = new PersonalDataService({
    db,
    dataDir: options.dataDir,
    appVersion: options.version,
    now,
    settings: () => app.settings.get(),
    backupsIdle: () => backups.idle(),
    whileIntegrationsStopped: (work) => app.integrations.whileStopped(work),
    onReplaced: () => {
      const current = app.settings.get()
      app.hotkeys.bind(current.hotkeys)
      app.integrations.applySettings(current)
      broadcast('settings:changed', current)
      app.decks.reload()
      app.calls.reload()
      app.recovery.reload()
      broadcast('backups:changed', backups.state())
    },
  })
  return { db, dbFile: file, notices, backups, retention, personalData }
}
