import path from 'node:path'
import { z } from 'zod'
import type { StorageNotice } from '../../shared/contract'
import { hostTexts } from '../../shared/i18n/host-catalog'
import { resolveLocale } from '../../shared/locales'
import { readCli } from '../cli/cli-args'
import { ENGLISH, cliSpeech, optionValue, type CliSpeech, type CliTexts } from '../cli/cli-language'
import { environmentLocales } from '../services/settings/system-locales'
import { defaultDataDir } from '../services/storage/data-dir'
import { installedAddon } from '../services/storage/native-addon'
import { markStartup, startupTimingOn, startupTimings } from '../services/support/startup-marks'
import { startWebHost, type WebHost } from './server'

export const DEFAULT_PORT = 4780

/** The arguments' shape; problems are named in the user's language by `readCli`. */
const argsSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  'data-dir': z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  help: z.boolean().optional(),
})

export type WebArgs = { port: number; dataDir: string; policyFile?: string } | { help: true } | { error: string }

/** Parses the command line; never throws. Problems are named in `speech`'s language. */
export function parseWebArgs(argv: string[], speech: CliSpeech = ENGLISH): WebArgs {
  const read = readCli(
    argv,
    {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      policy: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    argsSchema,
    speech,
  )
  if (read.kind === 'help') return { help: true }
  if (read.kind === 'error') return { error: read.message }
  const { port, policy } = read.values
  const dataDir = path.resolve(read.values['data-dir'] ?? defaultDataDir())
  return policy === undefined ? { port, dataDir } : { port, dataDir, policyFile: path.resolve(policy) }
}

/**
 * The user's language for the usage and a start that failed: the data folder's setting, else the
 * system's. The database module is loaded only then: a start that goes well does not wait for it.
 */
async function speechFor(argv: readonly string[]): Promise<CliSpeech> {
  const { storedLocale } = await import('../cli/stored-locale')
  const dataDir = optionValue(argv, 'data-dir') ?? defaultDataDir()
  return cliSpeech(argv, process.env, () => storedLocale(dataDir))
}

function noticeLine(notice: StorageNotice, texts: CliTexts): string {
  if (notice.kind === 'backup-failed') return texts.web.backupFailed
  const restored = notice.restoredFrom === null ? null : new Date(notice.restoredFrom).toISOString()
  return restored ? texts.web.damagedRestored(notice.movedTo, restored) : texts.web.damagedNew(notice.movedTo)
}

/** Runs the web host; `outMain` is the built main folder (`out/main`, where start.ts is). */
export async function main(outMain: string): Promise<void> {
  markStartup('entry-loaded')
  const argv = process.argv.slice(2)
  const args = parseWebArgs(argv)
  if ('help' in args) {
    console.log((await speechFor(argv)).texts.web.usage(DEFAULT_PORT))
    return
  }
  if ('error' in args) {
    // Parsed again only to name the problem in the user's language.
    const speech = await speechFor(argv)
    const again = parseWebArgs(argv, speech)
    console.error(
      `calmdeck web: ${'error' in again ? again.error : args.error}\n\n${speech.texts.web.usage(DEFAULT_PORT)}`,
    )
    process.exitCode = 2
    return
  }
  // A stop asked for while starting waits for the start to end, then stops cleanly like any other.
  let started: (host: WebHost | null) => void = () => {}
  const running = new Promise<WebHost | null>((resolve) => (started = resolve))
  const stop = () => {
    void running
      .then((host) => host?.close())
      .catch(() => {
        process.exitCode = 1
      })
      .finally(() => process.exit(process.exitCode ?? 0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  try {
    const host = await startWebHost({
      port: args.port,
      dataDir: args.dataDir,
      rendererDir: path.join(outMain, '../renderer'),
      warmList: path.join(outMain, 'warm-services.json'),
      nativeBinding: installedAddon(),
      version: process.env.npm_package_version ?? '0.1.0',
      // Loaded with the first backup or export (SQLite's module, worker threads, the report
      // renderers): nothing of them is needed before the page can load.
      backupRunner: (job) =>
        import('../services/storage/backup-worker-runner').then(({ runBackupInWorker }) => runBackupInWorker(job)),
      exportRunner: (job) =>
        import('../services/export/export-worker-runner').then(({ runExportInWorker }) => runExportInWorker(job)),
      ...(args.policyFile === undefined ? {} : { policyFile: args.policyFile }),
      log: (line) => console.error(`calmdeck web: ${line}`),
      // Announced as soon as pages can load; the services come up meanwhile.
      onListening: (url) => console.log(`CalmDeck web host listening on ${url} (data: ${args.dataDir})`),
    })
    // Only when there is something to say: the system's language costs ~20 ms of the runtime's
    // locale data, which would hold back the page's first answers (read once this returns).
    const { notices } = host.services.info
    if (notices.length > 0) {
      const texts = hostTexts[resolveLocale(host.services.settings.get().locale, environmentLocales(process.env))].cli
      for (const notice of notices) console.error(`calmdeck web: ${noticeLine(notice, texts)}`)
    }
    // For the first-card bench: where the start went (ms from the process's start to each phase's end).
    if (startupTimingOn) console.error(`calmdeck web: startup ${JSON.stringify(startupTimings())}`)
    started(host)
  } catch (error) {
    console.error(`calmdeck web: ${describeStartError(error, args.port, (await speechFor(argv)).texts)}`)
    process.exitCode = isNewerDatabase(error) ? 3 : 1
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
    started(null)
  }
}

/** The data is from a newer CalmDeck (by name: the storage module is loaded only once listening). */
function isNewerDatabase(error: unknown): error is Error {
  return error instanceof Error && error.name === 'NewerDatabaseError'
}

function describeStartError(error: unknown, port: number, texts: CliTexts): string {
  if (isNewerDatabase(error)) return texts.newerData
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EADDRINUSE') return texts.web.portInUse(port)
  if (code === 'EACCES') return texts.web.notAllowed(port)
  return texts.web.couldNotStart(
    `${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? `, ${code}` : ''}`,
  )
}
