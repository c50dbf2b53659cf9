import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { EVENT_USAGE, parseEventArgs } from '../services/integrations/call-event-args'
import { defaultDataDir } from '../services/storage/data-dir'
import { EVENTS_PATH } from '../services/integrations/local-api-constants'
import { readConnection } from '../services/integrations/local-api-files'

/** The whole run, from process start, must end within this (MicroSIP freezes while a hook runs). */
export const DEADLINE_MS = 280

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  /** Milliseconds left before the hard deadline. */
  remainingMs?: () => number
}

/**
 * `calmdeck-event`: posts one call event to the running CalmDeck's local API. Exit status 0 when
 * CalmDeck took it, 1 when it is not running, did not answer in time or refused it, 2 for wrong
 * arguments. Always one line on failure; never a stack trace.
 */
export async function runEventCli(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseEventArgs(argv)
  if (args.kind === 'help') {
    io.out(EVENT_USAGE)
    return 0
  }
  if (args.kind === 'error') {
    io.err(`calmdeck-event: ${args.message} (see calmdeck-event --help)`)
    return 2
  }
  const dataDir = args.dataDir ?? defaultDataDir()
  const connection = readConnection(dataDir)
  if (!connection.ok) {
    io.err(
      connection.reason === 'not-running'
        ? 'calmdeck-event: CalmDeck is not running (or its local API is off).'
        : `calmdeck-event: CalmDeck's token file is missing in ${dataDir}.`,
    )
    return 1
  }
  const { externalId, ...rest } = args.event
  const body = JSON.stringify(externalId === undefined ? rest : { ...rest, id: externalId })
  const timeoutMs = Math.max(20, io.remainingMs?.() ?? DEADLINE_MS)
  const answer = await post(connection.port, connection.token, body, timeoutMs)
  if (answer.kind === 'ok') return 0
  io.err(`calmdeck-event: ${answer.message}`)
  return 1
}

type Answer = { kind: 'ok' } | { kind: 'failed'; message: string }

function post(port: number, token: string, body: string, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    let settled = false
    const finish = (answer: Answer) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve(answer)
    }
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: EVENTS_PATH,
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(body),
          Connection: 'close',
        },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk.slice(0, 4096)))
        res.on('end', () =>
          finish(res.statusCode === 200 ? { kind: 'ok' } : { kind: 'failed', message: refusal(text) }),
        )
        res.on('error', () => finish({ kind: 'failed', message: 'the answer from CalmDeck broke off.' }))
      },
    )
    const timer = setTimeout(() => {
      finish({ kind: 'failed', message: 'CalmDeck did not answer in time.' })
      req.destroy()
    }, timeoutMs)
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        kind: 'failed',
        message:
          error.code === 'ECONNREFUSED'
            ? 'CalmDeck is not running.'
            : `could not reach CalmDeck (${error.code ?? 'error'}).`,
      })
    })
    req.end(body)
  })
}

/** The refusal's message from the API's JSON answer, on one line. */
function refusal(text: string): string {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message
    if (typeof message === 'string') return message.replace(/\s+/g, ' ').slice(0, 300)
  } catch {
    // Not JSON: fall through.
  }
  return 'CalmDeck refused the event.'
}

export async function main(): Promise<void> {
  // A hard stop, whatever happens: a hook must never hang its softphone.
  const guard = setTimeout(() => {
    process.stderr.write('calmdeck-event: CalmDeck did not answer in time.\n')
    process.exit(1)
  }, DEADLINE_MS + 10)
  guard.unref()
  const code = await runEventCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    remainingMs: () => DEADLINE_MS - performance.now(),
  }).catch(() => {
    process.stderr.write('calmdeck-event: could not send the event.\n')
    return 1
  })
  process.exitCode = code
}

if (require.main === module) void main()
