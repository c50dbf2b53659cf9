import os from 'node:os'
import type { CompositionContext, Wiring } from '../composition'
import type { Db } from '../storage/database'
import { AboutService, runtimeVersions } from './about-service'
import { buildDiagnostics } from './diagnostics'

export interface SupportServices {
  about: AboutService
  /** Builds the Diagnostics file. */
  diagnostics: () => { fileName: string; text: string }
}

/** About (versions, the data folder) and the Diagnostics export. */
export function composeSupport({ options, now, errors }: CompositionContext, app: Wiring): SupportServices {
  const db = app.db
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
      settings: () => app.settings.get(),
      integrations: () => app.integrations.status(),
      errors: () => errors.recent(),
      storage: () => storageFacts(db),
      now,
      home: os.homedir(),
    })
  return { about, diagnostics }
}

/** How much is stored, without any of it: the schema version and the row count of each table. */
function storageFacts(db: Db): Record<string, number> {
  const facts: Record<string, number> = { schemaVersion: db.pragma('user_version', { simple: true }) as number }
  for (const table of ['calls', 'events', 'notes', 'recoveries', 'decks']) {
    facts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
  }
  return facts
}
