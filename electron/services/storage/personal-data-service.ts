import { type PersonalDataCounts } from '../../../shared/personal-data'
import { settingsSchema, type Settings } from '../../../shared/settings'
import { defaultSettings } from '../../../shared/settings-defaults'
import type { Db } from './database'
import type { CallerId } from '../dispatch'
import { ImportUploads, type ImportUploadsOptions } from './import-uploads'
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
  /** Limits of the file arriving in pieces (defaults: import-uploads.ts). */
  uploads?: ImportUploadsOptions
}

/** Settings → Your data: export all, import into an empty CalmDeck, delete all. */
export class PersonalDataService {
  private readonly uploads: ImportUploads

  constructor(private readonly deps: PersonalDataServiceDeps) {
    this.uploads = new ImportUploads(deps.uploads)
  }

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

  /** "Import my data…" in pieces: the file's length first (see `data:import-begin`). */
  beginImport(caller: CallerId, size: number): { uploadId: string } {
    return this.uploads.begin(caller, size)
  }

  importChunk(caller: CallerId, uploadId: string, index: number, text: string): { received: number } {
    return this.uploads.append(caller, uploadId, index, text)
  }

  /** The whole file arrived: imported all or nothing, as `import`. */
  commitImport(caller: CallerId, uploadId: string): PersonalDataCounts {
    return this.import(this.uploads.take(caller, uploadId))
  }

  /** A window's connection closed: its unfinished import goes with it. */
  callerGone(caller: CallerId): void {
    this.uploads.dropCaller(caller)
  }

  /** Imports in progress (pieces held in memory). */
  get uploadsInProgress(): number {
    return this.uploads.size
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
