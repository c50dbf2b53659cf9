import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'
import type { WebSocket, WebSocketServer } from 'ws'
import { z } from 'zod'
import { keyPlatform, type KeyPlatform } from '../../shared/accelerator'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import type { AppServices, AppServicesOptions, createAppServices } from '../services/app-services'
import type { ShortcutRegistrar } from '../services/hotkeys/hotkey-service'
import { markStartup } from '../services/support/startup-marks'
import { BACKGROUND_START, deferredStart } from '../services/startup/deferred-start'
import { languageChunks, pageAssets, pageFirst, preloadedLanguage, withPreload } from './page-first'
import { warmUp } from './warm-up'

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
  /** IT's policy; none by default. */
  policy?: AppServicesOptions['policy']
  /**
   * IT's policy.json (`--policy <file>`), read once listening, like the rest of the services, and
   * again whenever it changes.
   */
  policyFile?: string
  /** When backups, retention and the team outbox start (tests lengthen it); `BACKGROUND_START` by default. */
  backgroundStart?: typeof BACKGROUND_START
  /** The wait after a change to the policy file before it is read again (tests shorten it). */
  policyDebounceMs?: number
  /**
   * The HTTP server is listening (before the services are built): the page can load meanwhile,
   * and its bridge requests are answered once they are up.
   */
  onListening?: (url: string) => void
  /**
   * Builds the services. By default their modules are loaded only once listening (the built host);
   * a caller that runs this file's TypeScript in-process without a bundler (Playwright) passes it.
   */
  createServices?: typeof createAppServices
  /**
   * The build's list of the services' modules (`warm-services.json`), loaded one by one while the
   * first page loads (warm-up.ts); none by default.
   */
  warmList?: string
  /** better-sqlite3's addon file (see native-addon.ts): loaded with the warm-up, then used by every database. */
  nativeBinding?: string
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

/** How long building the services waits for a first page: to ask for its markup, then for its files. */
const PAGE_FIRST = { noPageMs: 250, pageMs: 1500 }
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
  /** Bridge connections so far: each is a caller of its own (see dispatch.ts). */
  let connections = 0
  const log = options.log ?? (() => {})
  /** The services, built once listening: bridge requests that come earlier wait for them. */
  let markReady: (services: AppServices) => void = () => {}
  const ready = new Promise<AppServices>((resolve) => (markReady = resolve))

  const indexHtml = fs
    .readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8')
    .replace('<head>', `<head>\n    ${TOKEN_META.replace('%TOKEN%', token)}`)

  const uiChunks = languageChunks(options.rendererDir)

  /** Building the services waits until the first page has its files (or a moment, if none comes). */
  let firstPage: ReturnType<typeof pageFirst> | null = null

  let port = options.port
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  const server = http.createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) return send(res, 421, 'Misdirected request')
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed')
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const chunk = uiChunks[preloadedLanguage(req.headers['accept-language'])]
      firstPage?.page(chunk)
      return send(res, 200, withPreload(indexHtml, chunk), contentTypes['.html'], 'no-store')
    }
    const file = resolveStatic(options.rendererDir, url.pathname)
    if (!file) return send(res, 404, 'Not found')
    const type = contentTypes[path.extname(file)] ?? 'application/octet-stream'
    send(res, 200, fs.readFileSync(file), type, 'public, max-age=31536000, immutable')
    firstPage?.served(url.pathname)
  })

  /** Backups, retention and the team outbox: armed once listening, deferred past the first page. */
  const schedules = deferredStart(() => {
    void ready.then((services) => {
      services.backups.start()
      services.retention.start()
      services.team.start()
    })
  }, options.backgroundStart ?? BACKGROUND_START)

  /** The bridge at `/bridge`: only pages from this server holding this run's token get through. */
  function openBridge(Server: typeof WebSocketServer): WebSocketServer {
    const wss = new Server({
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
      const caller = `bridge-${++connections}`
      firstPage?.open()
      schedules.pageConnected()
      const gone = () => {
        clients.delete(socket)
        // What the page had begun (an import in pieces) goes with its connection.
        void ready.then((services) => services.personalData.callerGone(caller))
      }
      socket.on('close', gone)
      socket.on('error', gone)
      socket.on('message', (raw, isBinary) => {
        void answer(socket, caller, isBinary ? null : raw.toString())
      })
    })
    return wss
  }

  async function answer(socket: WebSocket, caller: string, text: string | null): Promise<void> {
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
    const services = await ready
    const result = await services.dispatch(envelope.data.channel, envelope.data.payload, caller)
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify({ id: envelope.data.id, result }))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  }).catch((error: unknown) => {
    schedules.cancel()
    throw error
  })
  const address = server.address()
  port = typeof address === 'object' && address ? address.port : options.port
  const url = `http://127.0.0.1:${port}/`
  markStartup('listening')
  firstPage = pageFirst(pageAssets(indexHtml), PAGE_FIRST)
  options.onListening?.(url)
  // ws (~15 ms to load) only now: the announcement is out, and the browser is still on its way.
  // Required, not imported: a first import() would also start Node's ES module loader.
  const wss = openBridge((createRequire(__filename)('ws') as typeof import('ws')).WebSocketServer)
  const closeServer = async () => {
    schedules.cancel()
    for (const client of clients) client.terminate()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
    server.closeAllConnections()
    await new Promise<void>((resolve) => server.close(() => resolve()))
  }
  // The page's files first; the services' modules load meanwhile, a module per turn.
  const warmed = options.warmList
    ? warmUp(options.warmList, options.nativeBinding).then(() => markStartup('services-warmed'))
    : null
  await Promise.all([warmed, firstPage.opened])
  markStartup('page-served')

  let services: AppServices
  try {
    services = await buildServices(options, log, (event, data) => {
      // Sent after the current request's own answer, so an acknowledgement never waits for them.
      const message = JSON.stringify({ event, data })
      setImmediate(() => {
        for (const client of clients) if (client.readyState === client.OPEN) client.send(message)
      })
    })
  } catch (error) {
    await closeServer()
    throw error
  }
  markReady(services)
  // A clean stop backs up what changed even if no page ever opens (the schedule waits a moment).
  services.backups.armShutdown()
  const policyWatch = await watchPolicy(options, services, log)
  await services.integrations.start({ apiPort: options.apiPort }).catch(async (error: unknown) => {
    await closeServer()
    services.close()
    throw error
  })
  markStartup('sources-started')

  return {
    url,
    port,
    services,
    close: async () => {
      // Like the desktop app on quit: the open pages save what is typed first (bounded wait).
      schedules.cancel()
      policyWatch?.close()
      await services.flushes.flush(clients.size, 1500)
      await closeServer()
      await services.integrations.close()
      await services.backups.idle(3000)
      services.close()
    },
  }
}

/**
 * The services and what they alone need (the database, exports, policy parsing …), loaded only
 * now: the HTTP server is already listening, so the page loads while this runs.
 */
async function buildServices(
  options: WebHostOptions,
  log: (line: string) => void,
  broadcast: NonNullable<AppServicesOptions['broadcast']>,
): Promise<AppServices> {
  const file = options.policyFile
  const [create, policy] = await Promise.all([
    options.createServices ?? import('../services/app-services').then((module) => module.createAppServices),
    file === undefined
      ? options.policy
      : import('../services/policy/policy-file').then(({ loadPolicyFile }) => loadPolicyFile(file)),
  ])
  markStartup('services-loaded')
  // Let any request that came meanwhile (the page's language, its bridge) through first.
  await new Promise((resolve) => setImmediate(resolve))
  return create({
    dataDir: options.dataDir,
    host: 'web',
    platform: options.platform ?? keyPlatform(process.platform),
    version: options.version,
    now: options.now,
    shortcuts: options.shortcuts ?? null,
    backupRunner: options.backupRunner,
    exportRunner: options.exportRunner,
    nativeBinding: options.nativeBinding,
    policy,
    log,
    broadcast,
  })
}

/** With `--policy <file>`: the file read again whenever it changes (loaded only then). */
async function watchPolicy(
  options: WebHostOptions,
  services: AppServices,
  log: (line: string) => void,
): Promise<{ close(): void } | null> {
  const file = options.policyFile
  if (file === undefined) return null
  const [{ loadPolicyFile }, { watchPolicyFile }] = await Promise.all([
    import('../services/policy/policy-file'),
    import('../services/policy/policy-watch'),
  ])
  return watchPolicyFile(file, {
    load: () => loadPolicyFile(file, services.policy),
    apply: (next) => services.applyPolicy(next),
    current: () => services.policy,
    debounceMs: options.policyDebounceMs,
    log,
  })
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
