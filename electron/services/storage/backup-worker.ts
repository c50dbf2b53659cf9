/**
 * The worker thread that takes backups, so the host's event loop never waits on the copy or its
 * integrity check. Built as its own entry (electron-vite `?nodeWorker`); it stays for the next job
 * (see `BackupWorker`), running each as it comes.
 * Imported anywhere but in a worker (e.g. by a test loading the web host's CLI), it does nothing.
 */
import { isMainThread, parentPort } from 'node:worker_threads'
import { runBackupJob, type BackupWorkerReply, type BackupWorkerRequest } from './backup-job'

if (!isMainThread && parentPort) {
  const port = parentPort
  port.on('message', ({ id, job }: BackupWorkerRequest) => {
    void runBackupJob(job).then((result) => port.postMessage({ id, result } satisfies BackupWorkerReply))
  })
}
