import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { exportFormats, formatForExtension, formatList, type ExportFormat } from '../../shared/export-formats'
import { APP_LOCALES, type AppLocale } from '../../shared/locales'
import type { LocalClock } from '../services/time/local-clock'

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

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/

/**
 * An ISO date (the start of that local day), a date-time (local wall clock unless it has a Z or an
 * offset), or null. Local ones are read in the clock's zone, DST included.
 */
export function parseMoment(text: string, clock: LocalClock): number | null {
  const dateOnly = DATE_ONLY.test(text)
  if (!dateOnly && !DATE_TIME.test(text)) return null
  const normalised = dateOnly ? `${text}T00:00:00` : text.replace(' ', 'T')
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(normalised)) {
    const ms = Date.parse(normalised)
    return Number.isNaN(ms) ? null : ms
  }
  // Date.parse checks the fields (no 30 February) and splits them; the clock places them in its zone.
  const asUtc = Date.parse(`${normalised}Z`)
  if (Number.isNaN(asUtc)) return null
  const fields = new Date(asUtc)
  return clock.instant({
    year: fields.getUTCFullYear(),
    month: fields.getUTCMonth() + 1,
    day: fields.getUTCDate(),
    hour: fields.getUTCHours(),
    minute: fields.getUTCMinutes(),
    second: fields.getUTCSeconds(),
    millisecond: fields.getUTCMilliseconds(),
  })
}

/** Parses the command line; never throws. */
export function parseExportArgs(argv: readonly string[], clock: LocalClock): ParsedExportArgs {
  let values: unknown
  try {
    values = parseArgs({
      args: [...argv],
      options: {
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
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : 'unreadable arguments' }
  }
  if ((values as { help?: boolean }).help) return { kind: 'help' }
  const parsed = rawSchema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { kind: 'error', message: `--${String(issue?.path[0] ?? 'argument')} ${issue?.message ?? 'is not valid'}` }
  }
  const raw = parsed.data
  const from = parseMoment(raw.from, clock)
  if (from === null) return { kind: 'error', message: `--from must be an ISO date or date-time, e.g. 2026-11-22T08:00` }
  const to = parseMoment(raw.to, clock)
  if (to === null) return { kind: 'error', message: `--to must be an ISO date or date-time, e.g. 2026-11-22T16:30` }
  if (to <= from) return { kind: 'error', message: '--to must be after --from' }
  const format = raw.format ?? formatForExtension(path.extname(raw.out))
  if (!format) return { kind: 'error', message: `--format is required (${formatList()})` }
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
