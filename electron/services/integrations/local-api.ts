import crypto from 'node:crypto'
import http from 'node:http'
import { apiEventBodySchema, type ExternalCallEvent, type IngestOutcome } from '../../../shared/call-events'
import { AppError, formatPath } from '../../../shared/result'
import { ensureToken, removePortFile, writePortFile } from './local-api-files'

import { DEFAULT_API_PORT, EVENTS_PATH, MAX_BODY_BYTES } from './local-api-constants'

export { DEFAULT_API_PORT, EVENTS_PATH, MAX_BODY_BYTES }

export interface LocalApiOptions {
  dataDir: string
  /** Port to try first; 0 for any free port. */
  port: number
  /** Carries out an event; throws an AppError to refuse it (e.g. turned off in Settings). */
  receive: (event: ExternalCallEvent) => IngestOutcome
  log?: (line: string) => void
}

export interface LocalApi {
  port: number
  close(): Promise<void>
}

type Reply = { status: number; body: Record<string, unknown>; headers?: Record<string, string> }

const errorReply = (status: number, code: string, message: string, extra: Record<string, unknown> = {}): Reply => ({
  status,
  body: { ok: false, error: { code, message, ...extra } },
})

/**
 * Softphone hooks' way in: HTTP on 127.0.0.1 only. `GET /health` says CalmDeck is running;
 * `POST /v1/events` needs `Authorization: Bearer <token>` (the token file in the data folder).
 * Requests from web pages (an Origin header) or for another host name are refused, which also
 * defeats DNS rebinding. Bodies and headers are small and must arrive quickly.
 */
export async function startLocalApi(options: LocalApiOptions): Promise<LocalApi> {
  const token = ensureToken(options.dataDir)
  const log = options.log ?? (() => {})
  let port = options.port

  const server = http.createServer({ maxHeaderSize: 8 * 1024 }, (req, res) => {
    void handle(req).then(
      (reply) => send(res, reply),
      (error: unknown) => {
        log(`local API request failed: ${error instanceof Error ? error.name : typeof error}`)
        send(res, errorReply(500, 'internal', 'CalmDeck could not handle the request.'))
      },
    )
  })
  server.headersTimeout = 2_000
  server.requestTimeout = 3_000
  server.keepAliveTimeout = 1_000

  async function handle(req: http.IncomingMessage): Promise<Reply> {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      return drain(req, errorReply(421, 'misdirected', 'Use http://127.0.0.1:<port>/.'))
    }
    if (req.headers.origin !== undefined) {
      return drain(req, errorReply(403, 'forbidden', 'Web pages may not send call events.'))
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/health') {
      if (req.method !== 'GET') return drain(req, methodNotAllowed('GET'))
      return { status: 200, body: { ok: true, app: 'CalmDeck' } }
    }
    if (url.pathname !== EVENTS_PATH)
      return drain(req, errorReply(404, 'not-found', `Unknown path. Use POST ${EVENTS_PATH}.`))
    if (req.method !== 'POST') return drain(req, methodNotAllowed('POST'))
    if (!hasToken(req.headers.authorization, token)) {
      return drain(req, {
        ...errorReply(401, 'unauthorized', 'Missing or wrong token. Send "Authorization: Bearer <token>".'),
        headers: { 'WWW-Authenticate': 'Bearer realm="CalmDeck"' },
      })
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) return drain(req, tooLarge())
    const text = await readBody(req)
    if (text === null) return tooLarge()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return errorReply(
        400,
        'invalid-request',
        'The body must be JSON, e.g. {"type":"answered","number":"+31205550123"}.',
      )
    }
    const parsed = apiEventBodySchema.safeParse(json)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
      const first = issues[0]
      const message = first ? `${first.path}: ${first.message}` : 'The event was not valid.'
      return errorReply(400, 'invalid-request', message, { issues })
    }
    const { id, ...rest } = parsed.data
    try {
      const outcome = options.receive(id === undefined ? rest : { ...rest, externalId: id })
      return { status: 200, body: { ok: true, outcome } }
    } catch (error) {
      if (error instanceof AppError) {
        const status = error.code === 'unavailable' ? 403 : error.code === 'conflict' ? 409 : 400
        return errorReply(status, error.code, error.message)
      }
      throw error
    }
  }

  port = await listen(server, options.port).catch(async (error: unknown) => {
    if ((error as { code?: unknown }).code !== 'EADDRINUSE' || options.port === 0) throw error
    return listen(server, 0)
  })
  writePortFile(options.dataDir, port)

  return {
    port,
    close: async () => {
      removePortFile(options.dataDir, port)
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject)
      const address = server.address()
      resolve(typeof address === 'object' && address ? address.port : port)
    })
  })
}

function hasToken(header: string | undefined, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  const given = Buffer.from(match?.[1] ?? '')
  const expected = Buffer.from(token)
  return given.length === expected.length && crypto.timingSafeEqual(given, expected)
}

/** The body as text, or null once it passes the limit (the rest is not read). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        resolve(null)
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

/** Answers without reading a body we do not want; the connection is closed after the answer. */
function drain(req: http.IncomingMessage, reply: Reply): Reply {
  req.resume()
  return { ...reply, headers: { ...reply.headers, Connection: 'close' } }
}

function methodNotAllowed(allow: string): Reply {
  return { ...errorReply(405, 'method-not-allowed', `Use ${allow}.`), headers: { Allow: allow } }
}

function tooLarge(): Reply {
  return {
    ...errorReply(413, 'too-large', `The body may be at most ${MAX_BODY_BYTES} bytes.`),
    headers: { Connection: 'close' },
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  if (res.headersSent) return
  const body = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...reply.headers,
  })
  res.end(body)
}
