// A host that writes and backs up without pause until it is killed: `node --import tsx backup-loop.ts <dir>`.
import { createAppServices } from '../../electron/services/app-services'

const services = createAppServices({ dataDir: process.argv[2] ?? '', host: 'web', version: 'kill-test' })
let round = 0
async function loop(): Promise<void> {
  process.stdout.write('ready\n')
  for (;;) {
    round += 1
    services.notes.save({
      callId: null,
      whatHappened: `round ${round}`,
      callerWants: '',
      resolved: '',
      freeText: '',
      items: [],
    })
    await services.backups.backupNow(round % 2 ? 'periodic' : 'manual').catch(() => {})
  }
}
void loop()
