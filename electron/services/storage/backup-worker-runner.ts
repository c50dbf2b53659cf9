/**
 * Runs backup jobs in a worker thread. Only the built hosts import this (electron-vite turns the
 * `?nodeWorker` import into a worker entry); tests and in-process hosts run jobs in the thread.
 */
import createBackupWorker from './backup-worker?nodeWorker'
import { BackupWorker, type BackupJob, type BackupJobResult } from './backup-job'

/** One backup thread per process, started with the first backup. */
const worker = new BackupWorker(() => createBackupWorker({}))

export function runBackupInWorker(job: BackupJob): Promise<BackupJobResult> {
  return worker.run(job)
}
