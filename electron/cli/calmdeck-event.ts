import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { parseEventArgs } from '../services/integrations/call-event-args'
import { cliSpeech, optionValue, type CliSpeech, type CliTexts } from './cli-language'
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
  env?: NodeJS.ProcessEnv
}

/**
 * The hook's language, asked for only when it has something to say (usage, a problem): CalmDeck's
 * setting in the data folder, else the environment's. The database module is loaded only then,
 * so a hook that succeeds starts as fast as before.
 */
async function speechFor(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<CliSpeech> {
  const { storedLocale } = await import('./stored-locale')
  const dataDir = optionValue(argv, 'data-dir') ?? defaultDataDir()
  return cliSpeech(argv, env, () => storedLocale(dataDir))
}

/**
 * `calmdeck-event`: posts one call event to the running CalmDeck's local API. Exit status 0 when
 * CalmDeck took it, 1 when it is not running, did not answer in time or refused it, 2 for wrong
 * arguments. Always one line on failure; never a stack trace.
 */
export async function runEventCli(argv: readonly string[], io: CliIo): Promise<number> {
  const env = io.env ?? process.env
  const args = parseEventArgs(argv)
  if (args.kind === 'help') {
    io.out((await speechFor(argv, env)).texts.event.usage)
    return 0
  }
  if (args.kind === 'error') {
    const speech = await speechFor(argv, env)
    // Parsed again only to name the problem in the user's language.
    const again = parseEventArgs(argv, speech)
    const message = again.kind === 'error' ? again.message : args.message
    io.err(`calmdeck-event: ${message} ${speech.texts.event.seeHelp}`)
    return 2
  }
  const dataDir = args.dataDir ?? defaultDataDir()
  const connection = readConnection(dataDir)
  if (!connection.ok) {
    const { texts } = await speechFor(argv, env)
    io.err(
      `calmdeck-event: ${connection.reason === 'not-running' ? texts.event.notRunning : texts.event.tokenMissing(dataDir)}`,
    )
    return 1
  }
  const { externalId, ...rest } = args.event
  const body = JSON.stringify(externalId === undefined ? rest : { ...rest, id: externalId })
  const timeoutMs = io.remainingMs?.() ?? DEADLINE_MS
  const answer = await post(connection.port, connection.token, body, timeoutMs)
  if (answer.kind === 'ok') return 0
  const { texts } = await speechFor(argv, env)
  io.err(
    `calmdeck-event: ${answer.kind === 'refused' ? (answer.message ?? texts.event.refused) : failure(answer, texts)}`,
  )
  return 1
}

/** Why the event did not arrive, in the user's language. */
function failure(answer: Exclude<Answer, { kind: 'ok' } | { kind: 'refused' }>, texts: CliTexts): string {
  if (answer.kind === 'timeout') return texts.event.noAnswer
  if (answer.kind === 'broke-off') return texts.event.brokeOff
  return answer.code === 'ECONNREFUSED' ? texts.event.connectionRefused : texts.event.unreachable(answer.code)
}

/** How the request ended; a refusal carries CalmDeck's own message when it gave one. */
type Answer =
  | { kind: 'ok' }
  | { kind: 'refused'; message: string | null }
  | { kind: 'timeout' }
  | { kind: 'broke-off' }
  | { kind: 'unreachable'; code: string }

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
          finish(res.statusCode === 200 ? { kind: 'ok' } : { kind: 'refused', message: refusal(text) }),
        )
        res.on('error', () => finish({ kind: 'broke-off' }))
      },
    )
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' })
      req.destroy()
    }, timeoutMs)
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({ kind: 'unreachable', code: error.code ?? 'error' })
    })
    req.end(body)
  })
}

/** The refusal's message from the API's JSON answer, on one line; null when it gave none. */
function refusal(text: string): string | null {
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message
    if (typeof message === 'string') return message.replace(/\s+/g, ' ').slice(0, 300)
  } catch {
    // Not JSON: fall through.
  }
  return null
}

export async function main(): Promise<void> {
  // A hard stop, whatever happens: a hook must never hang its softphone. The request's own timer
  // ends it first; this catches anything else (a file read that hangs).
  let answered = false
  const guard = setTimeout(
    () => {
      if (answered) process.exit() // answered, but something still holds the process: keep its code
      // No time to read the setting: the environment's language.
      process.stderr.write(`calmdeck-event: ${cliSpeech([], process.env, () => undefined).texts.event.noAnswer}\n`)
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
    process.stderr.write(`calmdeck-event: ${cliSpeech([], process.env, () => undefined).texts.event.notSent}\n`)
    return 1
  })
  answered = true
  process.exitCode = code
}

if (require.main === module) void main()
