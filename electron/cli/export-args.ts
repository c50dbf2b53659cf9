import path from 'node:path'
import { z } from 'zod'
import { exportFormats, formatList, type ExportFormat } from '../../shared/export-formats'
import { APP_LOCALES, type AppLocale } from '../../shared/locales'
import type { LocalClock } from '../services/time/local-clock'
import { parseMoment, readCli, readPeriodAndFormat } from './cli-args'

export { parseMoment }

/** "en, nl or hr": the app languages, as the usage and the --lang error name them. */
const LANGUAGES_TEXT = `${APP_LOCALES.slice(0, -1).join(', ')} or ${APP_LOCALES.at(-1)}`

export const EXPORT_USAGE = `Usage: npm run export -- --from <ISO date/time> --to <ISO date/time> --format ${exportFormats.join('|')} --out <path>
                         [--data-dir <folder>] [--redact] [--force] [--lang ${APP_LOCALES.join('|')}] [--remark <text>]

Writes CalmDeck's incident report for [from, to) to one file. Reads the data without changing it,
also while CalmDeck is running.
  --from, --to  2026-11-22 (local midnight), 2026-11-22T08:00 (local time) or with an offset/Z
  --format      ${formatList()} (may be left out when --out ends in one of them)
  --out         the file to write, or an existing folder (a name with the period is chosen)
  --data-dir    CalmDeck's data folder (default: the desktop app's own)
  --redact      mask phone numbers and e-mail addresses
  --force       replace an existing file
  --lang        report language (default: CalmDeck's language setting, else the system's)
  --remark      a closing remark to include`

export interface ExportArgs {
  from: number
  to: number
  format: ExportFormat
  out: string
  dataDir: string | undefined
  redact: boolean
  force: boolean
  language: AppLocale | undefined
  remark: string
}

export type ParsedExportArgs = { kind: 'run'; args: ExportArgs } | { kind: 'help' } | { kind: 'error'; message: string }

const rawSchema = z.strictObject({
  from: z.string({ error: 'is required' }),
  to: z.string({ error: 'is required' }),
  format: z.enum(exportFormats, { error: `must be ${formatList()}` }).optional(),
  out: z.string({ error: 'is required' }).min(1, 'is required'),
  'data-dir': z.string().min(1).optional(),
  redact: z.boolean().optional(),
  force: z.boolean().optional(),
  lang: z.enum(APP_LOCALES, { error: `must be ${LANGUAGES_TEXT}` }).optional(),
  remark: z.string().max(4000).optional(),
  help: z.boolean().optional(),
})

/** Parses the command line; never throws. */
export function parseExportArgs(argv: readonly string[], clock: LocalClock): ParsedExportArgs {
  const read = readCli(
    argv,
    {
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      'data-dir': { type: 'string' },
      redact: { type: 'boolean' },
      force: { type: 'boolean' },
      lang: { type: 'string' },
      remark: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    rawSchema,
  )
  if (read.kind !== 'ok') return read
  const raw = read.values
  const period = readPeriodAndFormat(raw, clock, { from: '2026-11-22T08:00', to: '2026-11-22T16:30' })
  if ('error' in period) return { kind: 'error', message: period.error }
  const { from, to, format } = period
  return {
    kind: 'run',
    args: {
      from,
      to,
      format,
      out: path.resolve(raw.out),
      dataDir: raw['data-dir'] === undefined ? undefined : path.resolve(raw['data-dir']),
      redact: raw.redact ?? false,
      force: raw.force ?? false,
      language: raw.lang,
      remark: raw.remark ?? '',
    },
  }
}
