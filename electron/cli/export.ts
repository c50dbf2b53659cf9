import path from 'node:path'
import { AppError } from '../../shared/result'
import { NewerDatabaseError } from '../services/storage/database'
import { defaultDataDir } from '../services/storage/data-dir'
import { DeckService } from '../services/deck/deck-service'
import { buildReport } from '../services/export/build-report'
import { reportFileName } from '../services/export/export-service'
import { findFontDir } from '../services/export/font-dir'
import { renderReport } from '../services/export/format-renderers'
import { localClock, machineTimeZone } from '../services/time/local-clock'
import { openReadOnly } from '../services/export/read-only-db'
import { WriteRefused, writeFileSafely } from '../services/export/safe-write'
import type { ManagedPolicy } from '../services/policy/managed-policy'
import { loadMachinePolicy } from '../services/policy/policy-file'
import { cliSpeech, optionValue, type CliTexts } from './cli-language'
import { exportUsage, parseExportArgs } from './export-args'
import { isFolder, runCliMain, type ReportCliIo } from './cli-main'
import { storedLocale } from './stored-locale'

export interface ExportCliIo extends ReportCliIo {
  nativeBinding?: string
  /** IT's policy (tests); this machine's by default. */
  policy?: ManagedPolicy
}

/**
 * `calmdeck export`: writes one report file. Exit status 0 when written, 1 when it could not be
 * (no data, file exists without --force, unwritable folder), 2 for wrong arguments, 3 for data
 * from a newer CalmDeck. One line on failure; never a stack trace, never note text or numbers.
 */
export async function runExportCli(argv: readonly string[], io: ExportCliIo): Promise<number> {
  const clock = localClock(io.timeZone ?? machineTimeZone())
  const env = io.env ?? process.env
  // The same policy as the app: its deck's event kinds, its language lock, its forced masking.
  const policy = io.policy ?? loadMachinePolicy(process.platform, env)
  // One language for the messages and the report: --lang, else the setting, else the system's.
  const dataDir = optionValue(argv, 'data-dir') ?? io.settingsDir ?? defaultDataDir()
  const speech = cliSpeech(argv, env, () => storedLocale(dataDir, policy, io.nativeBinding))
  const texts = speech.texts
  const parsed = parseExportArgs(argv, clock, speech)
  if (parsed.kind === 'help') {
    io.out(exportUsage(speech))
    return 0
  }
  if (parsed.kind === 'error') {
    io.err(`calmdeck export: ${parsed.message}\n\n${exportUsage(speech)}`)
    return 2
  }
  const args = parsed.args
  const now = io.now ?? Date.now
  if (policy.locked.exportRedact === true && !args.redact) {
    io.err(`calmdeck export: ${texts.export.redactLocked}`)
    return 1
  }
  try {
    const db = openReadOnly(args.dataDir ?? defaultDataDir(), io.nativeBinding)
    try {
      const eventKinds = new DeckService(db, now, undefined, policy.deck).eventKinds()
      const report = buildReport(db, {
        from: args.from,
        to: args.to,
        now: now(),
        timeZone: clock.timeZone,
        language: speech.locale,
        eventKinds,
        redact: args.redact,
        remark: args.remark,
      })
      const target = isFolder(args.out)
        ? path.join(args.out, reportFileName(args.from, args.to, args.format, clock))
        : args.out
      const fontDir = io.fontDir ?? findFontDir(__dirname, resourcesPath())
      const data = await renderReport(report, args.format, { fontDir, eventKinds })
      writeFileSafely(target, data, { force: args.force })
      io.out(texts.export.written(target, report.summary.calls, report.summary.hardCalls))
      return 0
    } finally {
      db.close()
    }
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      io.err(`calmdeck export: ${texts.newerData}`)
      return 3
    }
    if (error instanceof AppError) {
      io.err(`calmdeck export: ${refusal(error, args, texts)}`)
      return 1
    }
    const code = (error as { code?: unknown } | null)?.code
    io.err(
      `calmdeck export: ${texts.export.failed(`${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? `, ${code}` : ''}`)}`,
    )
    return 1
  }
}

/** Why nothing was written, in the CLI's language where the reason is known (a path, never contents). */
function refusal(error: AppError, args: { dataDir: string | undefined; out: string }, texts: CliTexts): string {
  if (error instanceof WriteRefused) {
    if (error.reason === 'exists') return texts.export.exists(path.basename(args.out))
    if (error.reason === 'no-folder') return texts.export.noFolder(path.dirname(args.out))
    return error.message
  }
  if (error.code === 'not-found') return texts.export.noData(args.dataDir ?? defaultDataDir())
  return error.message
}

function resourcesPath(): string | undefined {
  return (process as { resourcesPath?: string }).resourcesPath
}

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCliMain(
    (io) => runExportCli(argv, io),
    () => `calmdeck export: ${cliSpeech(argv, process.env, () => undefined).texts.export.failed('error')}`,
  )
}

if (require.main === module) void main()
