import fs from 'node:fs'

/** The lines a CLI prints: one per call, to standard output or standard error. */
export interface CliLines {
  out: (line: string) => void
  err: (line: string) => void
}

/** What the report CLIs take besides their arguments (tests set the clock, zone and folders). */
export interface ReportCliIo extends CliLines {
  now?: () => number
  timeZone?: string
  env?: NodeJS.ProcessEnv
  fontDir?: string
  /** CalmDeck's data folder whose language setting a CLI without `--data-dir` speaks (default: the app's). */
  settingsDir?: string
}

/**
 * A CLI's `main`: runs it on this process's output and sets the exit code. Anything the CLI did
 * not turn into a line of its own ends in `fallback()` (one line in the CLI's language, never a
 * stack trace).
 */
export async function runCliMain(run: (io: CliLines) => Promise<number>, fallback: () => string): Promise<number> {
  const code = await run({
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  }).catch(() => {
    process.stderr.write(fallback() + '\n')
    return 1
  })
  process.exitCode = code
  return code
}

/** Whether `target` is an existing folder (an --out that names one). */
export function isFolder(target: string): boolean {
  try {
    return fs.statSync(target).isDirectory()
  } catch {
    return false
  }
}
