import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { WAIT_MS } from '../helpers/wait-for'

const ROOT = path.resolve(__dirname, '../..')
const ENTRY = path.join(ROOT, 'out/main/web.js')

export interface RunningHost {
  url: string
  process: ChildProcess
  output: () => string
  /**
   * Sends `signal` (SIGTERM by default) and resolves once the host exited, with how: a host that
   * does not stop within `killAfterMs` (default 15 s: a busy machine is slow) is killed.
   */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<HostExit>
}

/** How the host process ended: `signal` is set only when a signal (e.g. the SIGKILL) ended it. */
export interface HostExit {
  code: number | null
  signal: NodeJS.Signals | null
}

/**
 * Starts the built web host (`out/main/web.js`) on a free port and resolves once it prints its
 * "listening on" line. Every wait is bounded. `entry` starts another script the same way (bench floors).
 */
export function startHost(
  dataDir: string,
  options: { port?: number; timeoutMs?: number; entry?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {},
): Promise<RunningHost> {
  const timeoutMs = options.timeoutMs ?? WAIT_MS
  const child = spawn(
    process.execPath,
    [options.entry ?? ENTRY, '--port', String(options.port ?? 0), '--data-dir', dataDir, ...(options.args ?? [])],
    {
      cwd: ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))

  const stop = (signal: NodeJS.Signals = 'SIGTERM', killAfterMs = 15_000) =>
    new Promise<HostExit>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        return resolve({ code: child.exitCode, signal: child.signalCode })
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      child.once('exit', (code, exitSignal) => {
        clearTimeout(timer)
        resolve({ code, signal: exitSignal })
      })
      child.kill(signal)
    })

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop('SIGKILL')
      reject(new Error(`web host did not start within ${timeoutMs} ms:\n${output}`))
    }, timeoutMs)
    const check = () => {
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], process: child, output: () => output, stop })
      }
    }
    child.stdout.on('data', check)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${code}:\n${output}`))
    })
  })
}
