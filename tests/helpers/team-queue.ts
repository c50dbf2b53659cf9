// A host that queues help requests while the team channel is down, then idles until killed:
// `node --import tsx team-queue.ts <dir> <url> <count>`.
import { createAppServices } from '../../electron/services/app-services'

const [dir = '', url = '', count = '1'] = process.argv.slice(2)
const services = createAppServices({
  dataDir: dir,
  host: 'web',
  version: 'kill-test',
  teamBackoff: { firstMs: 60_000, maxMs: 60_000 },
})
services.team.setEndpoint({ kind: 'webhook', url, secret: 'kill-secret' })
services.team.start()
for (let i = 0; i < Number(count); i++) services.actions.perform('help-request', 'hotkey')
void services.team.outbox.idle().then(() => {
  process.stdout.write(`queued ${services.team.state().pending}\n`)
  setInterval(() => {}, 1000)
})
