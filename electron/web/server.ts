import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { z } from 'zod'
import type { HostEvent } from '../../shared/channels'
import type { HostEventData } from '../../shared/contract'
import { keyPlatform, type KeyPlatform } from '../../shared/accelerator'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import { loadPolicyFile } from '../services/policy/policy-file'
import { watchPolicyFile } from '../services/policy/policy-watch'
import { createAppServices, type AppServices, type AppServicesOptions } from '../services/app-services'
import type { ShortcutRegistrar } from '../services/hotkeys/hotkey-service'
import { markStartup } from '../services/support/startup-marks'
import { deferredStart } from './deferred-start'

export interface WebHostOptions {
  port: number
  dataDir: string
  rendererDir: string
  version: string
  now?: () => number
  /** The keyboard's operating system (default: this machine's, as the browser runs here too). */
  platform?: KeyPlatform
  /** Global shortcuts, for tests of the hotkey path; a browser has none. */
  shortcuts?: ShortcutRegistrar
  /** Local API port for softphone hooks (default 4781, or any free port when taken; 0: any). */
  apiPort?: number
  log?: (line: string) => void
  /** Backups in a worker thread (the built host); in this thread by default. */
  backupRunner?: AppServicesOptions['backupRunner']
  /** Export files in a worker thread (the built host); in this thread by default. */
  exportRunner?: AppServicesOptions['exportRunner']
  /** IT's policy (tests); none by default. */
  policy?: AppServicesOptions['policy']
  /** IT's policy file (`--policy <file>`): read at start, and again whenever it changes. */
  policyFile?: string
  /** The wait after a change to the policy file before it is read again (tests shorten it). */
  policyDebounceMs?: number
}

export interface WebHost {
  url: string
  port: number
  services: AppServices
  close(): Promise<void>
}

/** Incoming bridge messages: `{ id, channel, payload }`. The payload is checked by the dispatcher. */
const envelopeSchema = z.strictObject({
  id: z.number().int().nonnegative(),
  channel: z.string().max(100),
  payload: z.unknown(),
})

/** When backups, retention and the team outbox start: shortly after the first page is up. */
const SCHEDULES_DELAY = { afterPageMs: 500, fallbackMs: 1500 }
const MAX_MESSAGE_BYTES = 2 * 1024 * 1024
const TOKEN_META = '<meta name="calmdeck-bridge" content="%TOKEN%" />'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
}

/**
 * Serves the built renderer on 127.0.0.1 and the app's services over a WebSocket at `/bridge`.
 * Only pages from this server (checked by Host and Origin) holding this run's random token may
 * connect: other local pages or programs get nothing.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = crypto.randomBytes(24).toString('base64url')
  const clients = new Set<WebSocket>()
  const log = options.log ?? (() => {})

  const services = createAppServices({
    dataDir: options.dataDir,
    host: 'web',
    platform: options.platform ?? keyPlatform(process.platform),
    version: options.version,
    now: options.now,
    shortcuts: options.shortcuts ?? null,
    backupRunner: options.backupRunner,
    exportRunner: options.exportRunner,
    policy: options.policyFile === undefined ? options.policy : loadPolicyFile(options.policyFile),
    log,
    // Sent after the current request's own answer, so an acknowledgement never waits for them.
    broadcast: <E extends HostEvent>(event: E, data: HostEventData<E>) => {
      const message = JSON.stringify({ event, data })
      setImmediate(() => {
        for (const client of clients) if (client.readyState === client.OPEN) client.send(message)
      })
    },
  })

  const indexHtml = fs
    .readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8')
    .replace('<head>', `<head>\n    ${TOKEN_META.replace('%TOKEN%', token)}`)

  /** Backups, retention and the team outbox: armed once listening, deferred past the first page. */
  let schedules: ReturnType<typeof deferredStart> | null = null

  let port = options.port
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  const server = http.createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/' || url.pathname === '/index.html') {
      return send(res, 200, indexHtml, contentTypes['.html'], 'no-store')
    }
    const file = resolveStatic(options.rendererDir, url.pathname)
    if (!file) return send(res, 404, 'Not found')
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream'
    send(res, 200, fs.readFileSync(file), type, 'public, max-age=31536000, immutable')
  })

  const wss = new WebSocketServer({
    server,
    path: '/bridge',
    maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req }: { req: http.IncomingMessage }) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      const origin = req.headers.origin ?? ''
      return (
        allowedHosts().has(req.headers.host ?? '') &&
        [...allowedHosts()].some((host) => origin === `http://${host}`) &&
        safeEqual(url.searchParams.get('token') ?? '', token)
      )
    },
  })

  wss.on('connection', (socket) => {
    clients.add(socket)
    schedules?.pageConnected()
    socket.on('close', () => clients.delete(socket))
    socket.on('error', () => clients.delete(socket))
    socket.on('message', (raw, isBinary) => {
      void answer(socket, isBinary ? null : raw.toString())
    })
  })

  async function answer(socket: WebSocket, text: string | null): Promise<void> {
    let message: unknown
    try {
      message = text === null ? null : JSON.parse(text)
    } catch {
      message = null
    }
    const envelope = envelopeSchema.safeParse(message)
    if (!envelope.success) {
      const error = { code: 'invalid-request', message: 'The message was not a valid CalmDeck request.' }
      socket.send(JSON.stringify({ id: null, result: { ok: false, error } }))
      return
    }
    const result = await services.dispatch(envelope.data.channel, envelope.data.payload)
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: envelope.data.id, result }))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: unknown) => {
    services.close()
    throw error
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : options.port
  markStartup('listening')
  await services.integrations.start({ apiPort: options.apiPort }).catch(async (error: unknown) => {
    await new Promise<void>((resolve) => server.close(() => resolve()))
    services.close()
    throw error
  })
  markStartup('sources-started')
  const policyFile = options.policyFile
  const policyWatch =
    policyFile === undefined
      ? null
      : watchPolicyFile(policyFile, {
          load: () => loadPolicyFile(policyFile, services.policy),
          apply: (next) => services.applyPolicy(next),
          current: () => services.policy,
          debounceMs: options.policyDebounceMs,
          log,
        })
  schedules = deferredStart(() => {
    services.backups.start()
    services.retention.start()
    services.team.start()
  }, SCHEDULES_DELAY)

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    services,
    close: async () => {
      // Like the desktop app on quit: the open pages save what is typed first (bounded wait).
      schedules?.cancel()
      policyWatch?.close()
      await services.flushes.flush(clients.size, 1500)
      for (const client of clients) client.terminate()
      await new Promise<void>((resolve) => wss.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await services.integrations.close()
      await services.backups.idle(3000)
      services.close()
    },
  }
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  cache = 'no-store',
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Cache-Control': cache,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  })
  res.end(body)
}

/** Maps a URL path to a file inside `root`, or null for anything outside it or missing. */
function resolveStatic(root: string, pathname: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = path.resolve(root, '.' + path.posix.normalize(decoded))
  if (!file.startsWith(path.resolve(root) + path.sep)) return null
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a)
  const right = Buffer.from(b)
  return left.length === right.length && crypto.timingSafeEqual(left, right)
}
