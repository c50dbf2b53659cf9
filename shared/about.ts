import { z } from 'zod'

/** Settings → About & privacy: what this CalmDeck is and where it keeps its data. */
export const aboutInfoSchema = z.strictObject({
  version: z.string(),
  /** Node, Electron, Chrome, SQLite… as the host runs them (Electron's only in the desktop app). */
  versions: z.record(z.string(), z.string()),
  /** The folder with the database, backups and the local API files. */
  dataDir: z.string(),
  /** The desktop app can open the folder in the file manager; the browser cannot. */
  canOpenDataDir: z.boolean(),
})
export type AboutInfo = z.infer<typeof aboutInfoSchema>

/** The "Diagnostics" file for IT support: no notes, numbers or names (see diagnostics.ts). */
export const diagnosticsFileSchema = z.strictObject({ fileName: z.string(), text: z.string() })

/**
 * The third-party parts CalmDeck ships, with their licences (SPDX ids), shown under About.
 * `tests/unit/support/bundled-parts.test.ts` checks them against the installed packages, and that
 * every runtime dependency and every library built into the window is listed.
 */
export const bundledParts: readonly { name: string; license: string }[] = [
  { name: 'Electron', license: 'MIT' },
  { name: 'Chromium', license: 'BSD-3-Clause' },
  { name: 'Node.js', license: 'MIT' },
  { name: 'SQLite', license: 'blessing' },
  { name: 'better-sqlite3', license: 'MIT' },
  { name: 'zod', license: 'MIT' },
  { name: 'ws', license: 'MIT' },
  { name: 'pdfkit', license: 'MIT' },
  { name: 'csv-stringify', license: 'MIT' },
  { name: 'date-fns', license: 'MIT' },
  { name: '@date-fns/tz', license: 'MIT' },
  { name: 'awesome-phonenumber', license: 'MIT' },
  { name: 'koffi', license: 'MIT' },
  { name: '@echogarden/fvad-wasm', license: 'BSD-3-Clause' },
  { name: 'vue', license: 'MIT' },
  { name: 'pinia', license: 'MIT' },
  { name: 'vue-i18n', license: 'MIT' },
  { name: 'DejaVu Sans', license: 'Bitstream-Vera' },
]
