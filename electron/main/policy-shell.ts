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
 */
export function printPolicyAndQuit(app: Pick<App, 'exit'>, args: readonly string[]): void {
  let code: number
  try {
    code = runPolicyCli(args, {
      out: (line) => process.stdout.write(line + '\n'),
      err: (line) => process.stderr.write(line + '\n'),
    })
  } catch {
    code = 1
  }
  app.exit(code)
}
