import path from 'node:path'
import { z } from 'zod'
import { exportFormats, formatList, type ExportFormat } from '../../shared/export-formats'
import { APP_LOCALES, type AppLocale } from '../../shared/locales'
import type { LocalClock } from '../services/time/local-clock'
import { ENGLISH, type CliSpeech } from './cli-language'
import { parseMoment, readCli, readPeriodAndFormat } from './cli-args'

export { parseMoment }

/** The export CLI's usage in the speech's language. */
export function exportUsage({ texts, locale }: CliSpeech = ENGLISH): string {
  return texts.export.usage(formatList(locale), exportFormats.join('|'), APP_LOCALES.join('|'))
}

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

/** The arguments' shape; problems are named in the CLI's language by `readCli`. */
const rawSchema = z.strictObject({
  from: z.string(),
  to: z.string(),
  format: z.enum(exportFormats).optional(),
  out: z.string().min(1),
  'data-dir': z.string().min(1).optional(),
  redact: z.boolean().optional(),
  force: z.boolean().optional(),
  lang: z.enum(APP_LOCALES).optional(),
  remark: z.string().max(4000).optional(),
  help: z.boolean().optional(),
})

/** Parses the command line; never throws. Problems are named in `speech`'s language. */
export function parseExportArgs(
  argv: readonly string[],
  clock: LocalClock,
  speech: CliSpeech = ENGLISH,
): ParsedExportArgs {
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
    speech,
  )
  if (read.kind !== 'ok') return read
  const raw = read.values
  const period = readPeriodAndFormat(raw, clock, { from: '2026-11-22T08:00', to: '2026-11-22T16:30' }, speech)
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
