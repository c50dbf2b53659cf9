import path from 'node:path'
import { z } from 'zod'
import { exportFormats, formatList, type ExportFormat } from '../../shared/export-formats'
import { APP_LOCALES, resolveLocale, type AppLocale } from '../../shared/locales'
import { AppError } from '../../shared/result'
import { findFontDir } from '../services/export/font-dir'
import { environmentLocales } from '../services/settings/system-locales'
import { buildTeamReport, writeTeamReport } from '../services/team-report/team-report-service'
import { localClock, machineTimeZone, type LocalClock } from '../services/time/local-clock'
import { readCli, readPeriodAndFormat } from './cli-args'
import { isFolder, runCliMain, type ReportCliIo } from './cli-main'

export const TEAM_REPORT_USAGE = `Usage: npm run team-report -- --in <folder> --from <ISO date> --to <ISO date> --format ${exportFormats.join('|')} --out <path>
                              [--lang ${APP_LOCALES.join('|')}] [--force]

Reads every shift file (JSON) in a CalmDeck team folder and writes the team's figures per day and
per week for the shifts that start in [from, to). Files that are damaged, not CalmDeck's or personal
exports are listed and skipped; the same shift twice counts once. Agents who did not opt in to
their name are counted together, and a group of fewer than 5 of them is never shown as figures.
  --in          the team folder
  --from, --to  2026-01-01 (local midnight), 2026-01-01T08:00 (local time) or with an offset/Z
  --format      ${formatList()} (may be left out when --out ends in one of them)
  --out         the file to write, or an existing folder (a name with the period is chosen)
  --lang        report language (default: the system's)
  --force       replace an existing file`

interface TeamReportArgs {
  folder: string
  from: number
  to: number
  format: ExportFormat
  out: string
  language: AppLocale | undefined
  force: boolean
}

const rawSchema = z.strictObject({
  in: z.string({ error: 'is required' }).min(1, 'is required'),
  from: z.string({ error: 'is required' }),
  to: z.string({ error: 'is required' }),
  format: z.enum(exportFormats, { error: `must be ${formatList()}` }).optional(),
  out: z.string({ error: 'is required' }).min(1, 'is required'),
  lang: z.enum(APP_LOCALES, { error: `must be ${APP_LOCALES.join(', ')}` }).optional(),
  force: z.boolean().optional(),
  help: z.boolean().optional(),
})

type Parsed = { kind: 'run'; args: TeamReportArgs } | { kind: 'help' } | { kind: 'error'; message: string }

/** Parses the command line; never throws. */
export function parseTeamReportArgs(argv: readonly string[], clock: LocalClock): Parsed {
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
  )
  if (read.kind !== 'ok') return read
  const raw = read.values
  const period = readPeriodAndFormat(raw, clock, { from: '2026-01-01', to: '2027-01-01' })
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
  const parsed = parseTeamReportArgs(argv, clock)
  if (parsed.kind === 'help') {
    io.out(TEAM_REPORT_USAGE)
    return 0
  }
  if (parsed.kind === 'error') {
    io.err(`calmdeck team-report: ${parsed.message}\n\n${TEAM_REPORT_USAGE}`)
    return 2
  }
  const args = parsed.args
  try {
    const report = buildTeamReport(args, (io.now ?? Date.now)())
    for (const item of report.skipped) io.err(`calmdeck team-report: skipped ${item.file} (${item.reason})`)
    const target = await writeTeamReport(report, {
      format: args.format,
      target: args.out,
      targetIsFolder: isFolder(args.out),
      language: resolveLocale(args.language ?? 'auto', environmentLocales(io.env ?? process.env)),
      timeZone: clock.timeZone,
      fontDir: io.fontDir ?? findFontDir(__dirname, (process as { resourcesPath?: string }).resourcesPath),
      force: args.force,
    })
    io.out(`${target} (${report.shifts} shifts, ${report.agents} agents, ${report.skipped.length} files skipped)`)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      io.err(`calmdeck team-report: ${error.message}`)
      return 1
    }
    io.err(`calmdeck team-report: the report could not be made (${error instanceof Error ? error.name : 'error'}).`)
    return 1
  }
}

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCliMain((io) => runTeamReportCli(argv, io), 'calmdeck team-report: the report could not be made.')
}

if (require.main === module) void main()
