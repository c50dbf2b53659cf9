import { type PersonalDataCounts } from '../../../shared/personal-data'
import { settingsSchema, type Settings } from '../../../shared/settings'
import { defaultSettings } from '../../../shared/settings-defaults'
import type { Db } from './database'
import { deleteAllData, exportPersonalData, importPersonalData, parsePersonalData } from './personal-data'

export interface PersonalDataServiceDeps {
  db: Db
  dataDir: string
  appVersion: string
  now: () => number
  settings: () => Settings
  /** Resolves once no backup is being written (none may land after a delete). */
  backupsIdle: () => Promise<void>
  /** Runs `work` with what keeps files in the data folder (the local API's token and port) stopped. */
  whileIntegrationsStopped: <T>(work: () => T) => Promise<T>
  /** The data was replaced underneath: every service tells the windows its state again. */
  onReplaced: () => void
}

/** Settings → Your data: export all, import into an empty CalmDeck, delete all. */
export class PersonalDataService {
  constructor(private readonly deps: PersonalDataServiceDeps) {}

  /** The whole history as one JSON file to save. */
  export(): { fileName: string; text: string } {
    const now = this.deps.now()
    const data = exportPersonalData(this.deps.db, this.deps.settings(), this.deps.appVersion, now)
    return { fileName: `calmdeck-data-${new Date(now).toISOString().slice(0, 10)}.json`, text: JSON.stringify(data) }
  }

  /** All or nothing, into an empty CalmDeck only (a `conflict` error otherwise). */
  import(text: string): PersonalDataCounts {
    const data = parsePersonalData(text)
    const settings = settingsSchema.parse({ ...defaultSettings, ...data.settings })
    const counts = importPersonalData(this.deps.db, data, settings)
    this.deps.onReplaced()
    return counts
  }

  /**
   * Everything goes: rows, backups, set-aside files, the local API's token. The local API is
   * stopped for it and started again with a new token; the database connection stays open.
   */
  async deleteAll(): Promise<PersonalDataCounts> {
    await this.deps.backupsIdle()
    try {
      return await this.deps.whileIntegrationsStopped(() =>
        deleteAllData({ db: this.deps.db, dataDir: this.deps.dataDir }),
      )
    } finally {
      this.deps.onReplaced()
    }
  }
}
