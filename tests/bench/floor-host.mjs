// The first-card floor: a bare Node process that serves one static page with one element and
// announces itself as the web host does. Started by tests/bench/first-card.ts exactly like the host.
import http from 'node:http'

const page = '<!doctype html><html><body><div data-testid="card">card</div></body></html>'
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
  response.end(page)
})
server.listen(0, '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}/`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
