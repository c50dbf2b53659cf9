import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import type { StorageNotice } from '../../shared/contract'
import { defaultDataDir } from '../services/storage/data-dir'
import { runBackupInWorker } from '../services/storage/backup-worker-runner'
import { markStartup, startupTimings } from '../services/support/startup-marks'
import { startWebHost, type WebHost } from './server'

export const DEFAULT_PORT = 4780

const USAGE = `Usage: npm run web -- [--port <1-65535>] [--data-dir <folder>] [--policy <file>]

Serves CalmDeck in the browser at http://127.0.0.1:<port>/ (loopback only).
  --port      port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --data-dir  folder for CalmDeck's data (default: the desktop app's own data folder)
  --policy    IT's policy.json to apply (default: none)`

const argsSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  'data-dir': z.string().min(1).optional(),
  policy: z.string().min(1).optional(),
  help: z.boolean().optional(),
})

export type WebArgs = { port: number; dataDir: string; policyFile?: string } | { help: true } | { error: string }

/** Parses the command line; never throws. */
export function parseWebArgs(argv: string[]): WebArgs {
  let values: unknown
  try {
    values = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        policy: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'unreadable arguments' }
  }
  const parsed = argsSchema.safeParse(values)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { error: `--${String(issue?.path[0] ?? 'argument')}: ${issue?.message ?? 'invalid'}` }
  }
  if (parsed.data.help) return { help: true }
  const { port, policy } = parsed.data
  const dataDir = path.resolve(parsed.data['data-dir'] ?? defaultDataDir())
  return policy === undefined ? { port, dataDir } : { port, dataDir, policyFile: path.resolve(policy) }
}

function noticeLine(notice: StorageNotice): string {
  if (notice.kind === 'backup-failed') return 'the backup before updating the database failed.'
  const restored = notice.restoredFrom === null ? null : new Date(notice.restoredFrom).toISOString()
  return restored
    ? `the database was damaged; it was moved aside as ${notice.movedTo} and the backup of ${restored} restored.`
    : `the database was damaged; it was moved aside as ${notice.movedTo} and a new one started.`
}

export async function main(): Promise<void> {
  markStartup('entry-loaded')
  const args = parseWebArgs(process.argv.slice(2))
  if ('help' in args) {
    console.log(USAGE)
    return
  }
  if ('error' in args) {
    console.error(`calmdeck web: ${args.error}\n\n${USAGE}`)
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
      rendererDir: path.join(__dirname, '../renderer'),
      version: process.env.npm_package_version ?? '0.1.0',
      backupRunner: runBackupInWorker,
      // Loaded with the first export: its module graph (report, renderers) is not needed to start.
      exportRunner: (job) =>
        import('../services/export/export-worker-runner').then(({ runExportInWorker }) => runExportInWorker(job)),
      ...(args.policyFile === undefined ? {} : { policyFile: args.policyFile }),
      log: (line) => console.error(`calmdeck web: ${line}`),
      // Announced as soon as pages can load; the services come up meanwhile.
      onListening: (url) => console.log(`CalmDeck web host listening on ${url} (data: ${args.dataDir})`),
    })
    for (const notice of host.services.info.notices) console.error(`calmdeck web: ${noticeLine(notice)}`)
    // For the first-card bench: where the start went (ms from the process's start to each phase's end).
    if (process.env.CALMDECK_STARTUP_TIMING === '1')
      console.error(`calmdeck web: startup ${JSON.stringify(startupTimings())}`)
    started(host)
  } catch (error) {
    console.error(`calmdeck web: ${describeStartError(error, args.port)}`)
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

function describeStartError(error: unknown, port: number): string {
  if (isNewerDatabase(error)) return error.message
  const code = (error as { code?: unknown } | null)?.code
  if (code === 'EADDRINUSE') return `port ${port} is already in use. Choose another with --port.`
  if (code === 'EACCES') return `not allowed to use port ${port} or the data folder.`
  return `could not start (${error instanceof Error ? error.name : 'unknown error'}${typeof code === 'string' ? `, ${code}` : ''}).`
}

if (require.main === module) void main()
