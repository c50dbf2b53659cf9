import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { freePort } from './free-port'
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
  /** Resolves with its exit code once it has exited. */
  exited: Promise<number | null>
}

/** Starts `command`, keeping the last 20 KB of what it prints. */
export function launch(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Started {
  const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

/** Stops a program: SIGTERM, then SIGKILL after 3 s. Resolves once it has exited. */
export async function stopProcess(proc: Started | undefined): Promise<void> {
  if (!proc || proc.child.exitCode !== null || proc.child.signalCode !== null) return
  proc.child.kill('SIGTERM')
  const timer = setTimeout(() => proc.child.kill('SIGKILL'), 3_000)
  await proc.exited
  clearTimeout(timer)
}

/** A SIP port for baresip: it listens on it for UDP and TCP, and on the next one for SIP over TLS. */
export const baresipSipPort = (): Promise<number> => freePort(2)

/** An RTP port for sipp (`-mp`): it binds it for audio and the port two above for video. */
export const sippMediaPort = (): Promise<number> => freePort(3)

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
