import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { EVENT_USAGE, parseEventArgs } from '../services/integrations/call-event-args'
import { defaultDataDir } from '../services/storage/data-dir'
import { EVENTS_PATH } from '../services/integrations/local-api-constants'
import { readConnection } from '../services/integrations/local-api-files'

/** The whole run, from process start, should end within this (MicroSIP freezes while a hook runs). */
export const DEADLINE_MS = 280
/**
 * The request always gets at least this long, however late Node's own start left it: on a loaded
 * machine a start of 250 ms would otherwise leave 30 ms and lose a call CalmDeck answers in 5. A
 * softphone then waits longer (at most start + 200 ms), which beats losing the event.
 */
export const MIN_REQUEST_MS = 200

/** How long the request may take when the process has run `elapsedMs`. */
export function requestBudgetMs(elapsedMs: number): number {
  return Math.max(MIN_REQUEST_MS, DEADLINE_MS - elapsedMs)
}

export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  /** How long the request may take (`requestBudgetMs`); the deadline's default without it. */
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
  const timeoutMs = io.remainingMs?.() ?? DEADLINE_MS
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
  // A hard stop, whatever happens: a hook must never hang its softphone. The request's own timer
  // ends it first; this catches anything else (a file read that hangs).
  let answered = false
  const guard = setTimeout(
    () => {
      if (answered) process.exit() // answered, but something still holds the process: keep its code
      process.stderr.write('calmdeck-event: CalmDeck did not answer in time.\n')
      process.exit(1)
    },
    requestBudgetMs(performance.now()) + 100,
  )
  guard.unref()
  const code = await runEventCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    remainingMs: () => requestBudgetMs(performance.now()),
  }).catch(() => {
    process.stderr.write('calmdeck-event: could not send the event.\n')
    return 1
  })
  answered = true
  process.exitCode = code
}

if (require.main === module) void main()
