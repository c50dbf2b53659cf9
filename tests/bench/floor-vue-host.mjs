// The first-card floor's host (`web.floor_vue_ws_ms`): a bare Node process that serves the built
// floor page (floor-vue/, built by first-card.ts) with the web host's security headers (the CSP
// comes in FLOOR_CSP), answers one request over a WebSocket at /bridge (`ws`, as the host), and
// announces itself as the web host does. Started exactly like the host: `--port`, `--data-dir`
// (unused), `--root <built page>`.
import fs from 'node:fs'
import http from 'node:http'
import { createRequire } from 'node:module'
import path from 'node:path'

const arg = (name) => process.argv[process.argv.indexOf(name) + 1]
const root = path.resolve(arg('--root'))
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css' }
const headers = (type) => ({
  'Content-Type': type,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': process.env.FLOOR_CSP ?? "default-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
})

const server = http.createServer((request, response) => {
  const pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname
  const file = path.join(root, pathname === '/' ? 'index.html' : path.normalize(pathname))
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file)) {
    response.writeHead(404, headers('text/plain'))
    return response.end('Not found')
  }
  response.writeHead(200, headers(types[path.extname(file)] ?? 'application/octet-stream'))
  response.end(fs.readFileSync(file))
})

server.listen(Number(arg('--port') ?? 0), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`)
  // ws only now, as the host loads it once listening.
  const { WebSocketServer } = createRequire(import.meta.url)('ws')
  const wss = new WebSocketServer({ server, path: '/bridge' })
  wss.on('connection', (socket) => {
    socket.on('message', (raw) => {
      const { id } = JSON.parse(raw.toString())
      socket.send(JSON.stringify({ id, result: { ok: true, value: 'card' } }))
    })
  })
})
process.on('SIGTERM', () => {
  server.closeAllConnections()
  server.close(() => process.exit(0))
})
