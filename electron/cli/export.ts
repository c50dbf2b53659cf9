import path from 'node:path'
import { resolveLocale } from '../../shared/locales'
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
import { writeFileSafely } from '../services/export/safe-write'
import type { ManagedPolicy } from '../services/policy/managed-policy'
import { loadMachinePolicy } from '../services/policy/policy-file'
import { KeyValueStore, SettingsService } from '../services/settings/settings-service'
import { environmentLocales } from '../services/settings/system-locales'
import { EXPORT_USAGE, parseExportArgs } from './export-args'
import { isFolder, runCliMain, type ReportCliIo } from './cli-main'

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
  const parsed = parseExportArgs(argv, clock)
  if (parsed.kind === 'help') {
    io.out(EXPORT_USAGE)
    return 0
  }
  if (parsed.kind === 'error') {
    io.err(`calmdeck export: ${parsed.message}\n\n${EXPORT_USAGE}`)
    return 2
  }
  const args = parsed.args
  const now = io.now ?? Date.now
  // The same policy as the app: its deck's event kinds, its language lock, its forced masking.
  const policy = io.policy ?? loadMachinePolicy(process.platform, io.env ?? process.env)
  if (policy.locked.exportRedact === true && !args.redact) {
    io.err('calmdeck export: masking is set by your organisation: add --redact. Nothing was written.')
    return 1
  }
  try {
    const db = openReadOnly(args.dataDir ?? defaultDataDir(), io.nativeBinding)
    try {
      const settings = new SettingsService(new KeyValueStore(db), undefined, undefined, policy).get()
      // --lang, else the language setting, else the system's.
      const language = resolveLocale(args.language ?? settings.locale, environmentLocales(io.env ?? process.env))
      const eventKinds = new DeckService(db, now, undefined, policy.deck).eventKinds()
      const report = buildReport(db, {
        from: args.from,
        to: args.to,
        now: now(),
        timeZone: clock.timeZone,
        language,
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
      io.out(`${target} (${report.summary.calls} calls, ${report.summary.hardCalls} hard)`)
      return 0
    } finally {
      db.close()
    }
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      io.err(`calmdeck export: ${error.message}`)
      return 3
    }
    if (error instanceof AppError) {
      io.err(`calmdeck export: ${error.message}`)
      return 1
    }
    const code = (error as { code?: unknown } | null)?.code
    io.err(
      `calmdeck export: the report could not be made (${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? `, ${code}` : ''}).`,
    )
    return 1
  }
}

function resourcesPath(): string | undefined {
  return (process as { resourcesPath?: string }).resourcesPath
}

export function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  return runCliMain((io) => runExportCli(argv, io), 'calmdeck export: the report could not be made.')
}

if (require.main === module) void main()
