/**
 * The worker thread that takes backups, so the host's event loop never waits on the copy or its
 * integrity check. Built as its own entry (electron-vite `?nodeWorker`); one job per worker, which
 * then exits.
 * Imported anywhere but in a worker (e.g. by a test loading the web host's CLI), it does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { runBackupJob, type BackupJob } from './backup-job'

if (!isMainThread && parentPort) {
  const port = parentPort
  void runBackupJob(workerData as BackupJob).then((result) => {
    port.postMessage(result)
    port.close()
  })
}
