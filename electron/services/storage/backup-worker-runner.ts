/**
 * Runs backup jobs in a worker thread. Only the built hosts import this (electron-vite turns the
 * `?nodeWorker` import into a worker entry); tests and in-process hosts run jobs in the thread.
 */
import createBackupWorker from './backup-worker?nodeWorker'
import type { BackupJob, BackupJobResult } from './backup-job'

export function runBackupInWorker(job: BackupJob): Promise<BackupJobResult> {
  return new Promise((resolve) => {
    const worker = createBackupWorker({ workerData: job })
    let settled = false
    worker.once('message', (result: BackupJobResult) => {
      settled = true
      resolve(result)
    })
    worker.once('error', (error) => {
      if (!settled) resolve({ ok: false, code: error.name })
      settled = true
    })
    worker.once('exit', (code) => {
      if (!settled) resolve({ ok: false, code: `WORKER_EXIT_${code}` })
      settled = true
    })
  })
}
