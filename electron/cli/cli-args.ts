import path from 'node:path'
import { parseArgs, type ParseArgsConfig } from 'node:util'
import type { z } from 'zod'
import { formatForExtension, formatList, type ExportFormat } from '../../shared/export-formats'
import { orList } from '../../shared/locales'
import type { LocalClock } from '../services/time/local-clock'
import type { CliSpeech } from './cli-language'

export type CliRead<T> = { kind: 'ok'; values: T } | { kind: 'help' } | { kind: 'error'; message: string }

/**
 * A command line read with `node:util` parseArgs and checked with a zod schema: `--help`, or the
 * first problem named by its option in the CLI's language (`--lang must be en, nl or hr`), or the
 * values. Never throws.
 */
export function readCli<S extends z.ZodType>(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  speech: CliSpeech,
): CliRead<z.infer<S>> {
  let values: Record<string, unknown>
  try {
    values = parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values
  } catch (error) {
    return { kind: 'error', message: parseArgsProblem(error, speech) }
  }
  if (values.help) return { kind: 'help' }
  const parsed = schema.safeParse(values)
  if (!parsed.success) return { kind: 'error', message: optionProblem(parsed.error, values, speech) }
  return { kind: 'ok', values: parsed.data }
}

/** `--<option> <what is wrong>` for a schema's first issue, in the CLI's language; never echoes the value. */
export function optionProblem(
  error: z.ZodError,
  values: Readonly<Record<string, unknown>>,
  { texts, locale }: CliSpeech,
  rename: Readonly<Record<string, string>> = {},
): string {
  const issue = error.issues[0]
  const key = String(issue?.path[0] ?? 'argument')
  const option = `--${rename[key] ?? key}`
  if (!issue) return `${option} ${texts.notValid}`
  if (values[key] === undefined) return `${option} ${texts.required}`
  if (values[key] === '') return texts.missingValue(option)
  if (issue.code === 'invalid_value') return `${option} ${texts.mustBe(orList(issue.values.map(String), locale))}`
  if (issue.code === 'too_big' && issue.origin === 'string') return `${option} ${texts.tooLong(Number(issue.maximum))}`
  return `${option} ${texts.notValid}`
}

/** Node's parseArgs error, in the CLI's language: which option is unknown or lacks its value. */
export function parseArgsProblem(error: unknown, { texts }: CliSpeech): string {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : ''
  const option = /'(--?[^' ]+)/.exec(message)?.[1]
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return texts.unknownOption(option)
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option)
    return message.includes('argument missing') ? texts.missingValue(option) : `${option} ${texts.notValid}`
  // A stray argument is not echoed: it may be a caller's number.
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return texts.unexpectedArgument
  return texts.unreadable
}

/** `--from`/`--to` as [from, to) in the clock's zone, and the format (given, or from `--out`'s extension). */
export function readPeriodAndFormat(
  raw: { from: string; to: string; out: string; format?: ExportFormat },
  clock: LocalClock,
  examples: { from: string; to: string },
  { texts, locale }: CliSpeech,
): { from: number; to: number; format: ExportFormat } | { error: string } {
  const from = parseMoment(raw.from, clock)
  if (from === null) return { error: `--from ${texts.isoMoment(examples.from)}` }
  const to = parseMoment(raw.to, clock)
  if (to === null) return { error: `--to ${texts.isoMoment(examples.to)}` }
  if (to <= from) return { error: texts.toAfterFrom }
  const format = raw.format ?? formatForExtension(path.extname(raw.out))
  if (!format) return { error: texts.formatRequired(formatList(locale)) }
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
