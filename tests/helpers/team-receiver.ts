import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { WAIT_MS } from './wait-for'

export interface ReceivedPost {
  at: number
  path: string
  headers: http.IncomingHttpHeaders
  body: string
}

/** How the receiver answers one request: a status and optional headers. */
export type Responder = (post: ReceivedPost) => { status: number; headers?: Record<string, string> }

/**
 * A team channel stand-in: a real HTTP server on 127.0.0.1 that records every POST. It can be
 * stopped and started again on the same port (the channel going away and coming back).
 */
export interface TeamReceiver {
  readonly url: string
  readonly posts: ReceivedPost[]
  respond: Responder
  /** Resolves when at least `count` posts have arrived (or rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedPost[]>
  stop(): Promise<void>
  start(): Promise<void>
}

export async function teamReceiver(respond: Responder = () => ({ status: 200 })): Promise<TeamReceiver> {
  const posts: ReceivedPost[] = []
  const waiters = new Set<() => boolean>()
  let server: http.Server | null = null
  let port = 0
  const receiver: TeamReceiver = {
    get url() {
      return `http://127.0.0.1:${port}/hooks/secret-path-abc123`
    },
    posts,
    respond,
    waitFor(count, timeoutMs = WAIT_MS) {
      return new Promise((resolve, reject) => {
        const check = (): boolean => {
          if (posts.length < count) return false
          clearTimeout(timer)
          waiters.delete(check)
          resolve(posts)
          return true
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`only ${posts.length} of ${count} posts arrived`))
        }, timeoutMs)
        if (!check()) waiters.add(check)
      })
    },
    async start() {
      server = http.createServer((req, res) => {
        const chunks: Buffer[] = []
        req.on('data', (chunk: Buffer) => chunks.push(chunk))
        req.on('end', () => {
          const post = {
            at: Date.now(),
            path: req.url ?? '',
            headers: req.headers,
            body: Buffer.concat(chunks).toString(),
          }
          posts.push(post)
          const answer = receiver.respond(post)
          res.writeHead(answer.status, answer.headers).end()
          for (const check of [...waiters]) check()
        })
      })
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve))
      port = (server!.address() as AddressInfo).port
    },
    async stop() {
      const current = server
      server = null
      if (!current) return
      current.closeAllConnections()
      await new Promise<void>((resolve) => current.close(() => resolve()))
    },
  }
  await receiver.start()
  return receiver
}
