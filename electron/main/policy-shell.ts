import type { App } from 'electron'
import { runPolicyCli } from '../cli/policy'

/** The arguments after `--print-policy` (the packaged app's `calmdeck policy`), or null. */
export function printPolicyArgs(argv: readonly string[]): string[] | null {
  const index = argv.indexOf('--print-policy')
  return index === -1 ? null : argv.slice(index + 1)
}

/**
 * `CalmDeck --print-policy [--registry] [--policy <file>]`: prints the machine policy in force as
 * JSON and quits, before any window, lock or database, so it also works beside a running CalmDeck.
 * It exits once the output is written: to a pipe, writes are asynchronous on Windows and macOS.
 */
export function printPolicyAndQuit(app: Pick<App, 'exit'>, args: readonly string[]): void {
  const out: string[] = []
  const err: string[] = []
  let code: number
  try {
    code = runPolicyCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) })
  } catch {
    code = 1
  }
  const streams = [
    [process.stdout, out],
    [process.stderr, err],
  ] as const
  let pending = streams.length
  const written = () => {
    if (--pending === 0) app.exit(code)
  }
  for (const [stream, lines] of streams) {
    if (lines.length === 0) written()
    else stream.write(lines.join('\n') + '\n', written)
  }
}
