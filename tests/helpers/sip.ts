import { spawnSync, type ChildProcess } from 'node:child_process'
import { waitFor } from './wait-for'

/** The path of a program the softphone tests need; without it they fail (they never skip). */
export function requireTool(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  if (!found) {
    throw new Error(
      `${name} is not installed: this integration test needs real baresip and sipp ` +
        '(Debian: apt-get install baresip-core sip-tester; .ci/run installs them).',
    )
  }
  return found
}

/** A program started by a test, with what it printed so far (stdout and stderr, the last 20 KB). */
export interface Started {
  child: ChildProcess
  output: () => string
}

/**
 * Waits until `proc` has printed `ready`. Fails at once if it exits first, and on a timeout, with
 * its exit status and everything it printed by then (a label built before the wait would show none).
 */
export async function untilPrinted(name: string, proc: Started, ready: string): Promise<void> {
  try {
    await waitFor(`${name} to print "${ready}"`, () => {
      if (proc.output().includes(ready)) return true
      const { exitCode, signalCode } = proc.child
      if (exitCode !== null || signalCode !== null) {
        throw new Error(`${name} exited (${exitCode ?? signalCode}) before it printed "${ready}"`)
      }
      return false
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`${reason}; its output:\n${proc.output() || '(nothing)'}`)
  }
}
