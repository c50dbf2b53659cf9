import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../..')
const ENTRY = path.join(ROOT, 'out/main/web.js')

export interface RunningHost {
  url: string
  process: ChildProcess
  output: () => string
  stop(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Starts the built web host (`out/main/web.js`) on a free port and resolves once it prints its
 * "listening on" line. Every wait is bounded. `entry` starts another script the same way (bench floors).
 */
export function startHost(
  dataDir: string,
  options: { port?: number; timeoutMs?: number; entry?: string; env?: NodeJS.ProcessEnv; args?: string[] } = {},
): Promise<RunningHost> {
  const timeoutMs = options.timeoutMs ?? 15_000
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

  const stop = (signal: NodeJS.Signals = 'SIGTERM') =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
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
