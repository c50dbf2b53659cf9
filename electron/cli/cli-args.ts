import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { z } from 'zod'
import { formatForExtension, formatList, type ExportFormat } from '../../shared/export-formats'
import type { LocalClock } from '../services/time/local-clock'

export type CliRead<T> = { kind: 'ok'; values: T } | { kind: 'help' } | { kind: 'error'; message: string }

/**
 * A command line read with `node:util` parseArgs and checked with a zod schema: `--help`, or the
 * first problem named by its option (`--lang must be en, nl or hr`), or the values. Never throws.
 */
export function readCli<S extends z.ZodType>(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
): CliRead<z.infer<S>> {
  let values: unknown
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return { kind: 'error', message: error instanceof Error ? error.message : 'unreadable arguments' }
  }
  if ((values as { help?: boolean }).help) return { kind: 'help' }
  const parsed = schema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { kind: 'error', message: `--${String(issue?.path[0] ?? 'argument')} ${issue?.message ?? 'is not valid'}` }
  }
  return { kind: 'ok', values: parsed.data }
}

/** `--from`/`--to` as [from, to) in the clock's zone, and the format (given, or from `--out`'s extension). */
export function readPeriodAndFormat(
  raw: { from: string; to: string; out: string; format?: ExportFormat },
  clock: LocalClock,
  examples: { from: string; to: string },
): { from: number; to: number; format: ExportFormat } | { error: string } {
  const from = parseMoment(raw.from, clock)
  if (from === null) return { error: `--from must be an ISO date or date-time, e.g. ${examples.from}` }
  const to = parseMoment(raw.to, clock)
  if (to === null) return { error: `--to must be an ISO date or date-time, e.g. ${examples.to}` }
  if (to <= from) return { error: '--to must be after --from' }
  const format = raw.format ?? formatForExtension(path.extname(raw.out))
  if (!format) return { error: `--format is required (${formatList()})` }
  return { from, to, format }
}

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
