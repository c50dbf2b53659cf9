import path from 'node:path'
import { z } from 'zod'
import { exportFormats, formatList, type ExportFormat } from '../../shared/export-formats'
import { hostTexts } from '../../shared/i18n/host-catalog'
import { APP_LOCALES, type AppLocale } from '../../shared/locales'
import { AppError } from '../../shared/result'
import { findFontDir } from '../services/export/font-dir'
import { WriteRefused } from '../services/export/safe-write'
import { defaultDataDir } from '../services/storage/data-dir'
import { buildTeamReport, writeTeamReport } from '../services/team-report/team-report-service'
import { localClock, machineTimeZone, type LocalClock } from '../services/time/local-clock'
import { readCli, readPeriodAndFormat } from './cli-args'
import { ENGLISH, cliSpeech, type CliSpeech } from './cli-language'
import { isFolder, runCliMain, type ReportCliIo } from './cli-main'
import { storedLocale } from './stored-locale'

/** The team report CLI's usage in the speech's language. */
export function teamReportUsage({ texts, locale }: CliSpeech = ENGLISH): string {
  return texts.teamReport.usage(formatList(locale), exportFormats.join('|'), APP_LOCALES.join('|'))
}

interface TeamReportArgs {
  folder: string
  from: number
  to: number
  format: ExportFormat
  out: string
  language: AppLocale | undefined
  force: boolean
}

/** The arguments' shape; problems are named in the CLI's language by `readCli`. */
const rawSchema = z.strictObject({
  in: z.string().min(1),
  from: z.string(),
  to: z.string(),
  format: z.enum(exportFormats).optional(),
  out: z.string().min(1),
  lang: z.enum(APP_LOCALES).optional(),
  force: z.boolean().optional(),
  help: z.boolean().optional(),
})

type Parsed = { kind: 'run'; args: TeamReportArgs } | { kind: 'help' } | { kind: 'error'; message: string }

/** Parses the command line; never throws. Problems are named in `speech`'s language. */
export function parseTeamReportArgs(argv: readonly string[], clock: LocalClock, speech: CliSpeech = ENGLISH): Parsed {
  const read = readCli(
    argv,
    {
      in: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string' },
      force: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    rawSchema,
    speech,
  )
  if (read.kind !== 'ok') return read
  const raw = read.values
  const period = readPeriodAndFormat(raw, clock, { from: '2026-01-01', to: '2027-01-01' }, speech)
  if ('error' in period) return { kind: 'error', message: period.error }
  const { from, to, format } = period
  return {
    kind: 'run',
    args: {
      folder: path.resolve(raw.in),
      from,
      to,
      format,
      out: path.resolve(raw.out),
      language: raw.lang,
      force: raw.force ?? false,
    },
  }
}

export type TeamReportCliIo = ReportCliIo

/**
 * `calmdeck team-report`: 0 when written, 1 when it could not be (no folder, file exists without
 * --force), 2 for wrong arguments. One line per skipped file on stderr; never a stack trace.
 */
export async function runTeamReportCli(argv: readonly string[], io: TeamReportCliIo): Promise<number> {
  const clock = localClock(io.timeZone ?? machineTimeZone())
  // One language for the messages and the report: --lang, else CalmDeck's setting on this machine, else the system's.
  const settingsDir = io.settingsDir ?? defaultDataDir()
  const speech = cliSpeech(argv, io.env ?? process.env, () => storedLocale(settingsDir))
  const texts = speech.texts
  const parsed = parseTeamReportArgs(argv, clock, speech)
  if (parsed.kind === 'help') {
    io.out(teamReportUsage(speech))
    return 0
  }
  if (parsed.kind === 'error') {
    io.err(`calmdeck team-report: ${parsed.message}\n\n${teamReportUsage(speech)}`)
    return 2
  }
  const args = parsed.args
  try {
    const report = buildTeamReport(args, (io.now ?? Date.now)())
    const reasons = hostTexts[speech.locale].teamReport.reasons
    for (const item of report.skipped)
      io.err(`calmdeck team-report: ${texts.teamReport.skipped(item.file, reasons[item.reason])}`)
    const target = await writeTeamReport(report, {
      format: args.format,
      target: args.out,
      targetIsFolder: isFolder(args.out),
      language: speech.locale,
      timeZone: clock.timeZone,
      fontDir: io.fontDir ?? findFontDir(__dirname, (process as { resourcesPath?: string }).resourcesPath),
      force: args.force,
    })
    io.out(texts.teamReport.written(target, report.shifts, report.agents, report.skipped.length))
    return 0
  } catch (error) {
    if (error instanceof WriteRefused && error.reason === 'exists') {
      io.err(`calmdeck team-report: ${texts.export.exists(path.basename(args.out))}`)
      return 1
    }
    if (error instanceof AppError) {
      io.err(
        `calmdeck team-report: ${error.code === 'not-found' ? texts.teamReport.noFolder(args.folder) : error.message}`,
      )
      return 1
    }
    io.err(`calmdeck team-report: ${texts.teamReport.failed(error instanceof Error ? error.name : 'error')}`)
    return 1
  }
}

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCliMain(
    (io) => runTeamReportCli(argv, io),
    () => `calmdeck team-report: ${cliSpeech(argv, process.env, () => undefined).texts.teamReport.failed('error')}`,
  )
}

if (require.main === module) void main()
