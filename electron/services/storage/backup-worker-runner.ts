/**
 * Runs backup jobs in a worker thread. Only the built hosts import this (electron-vite turns the
 * `?nodeWorker` import into a worker entry); tests and in-process hosts run jobs in the thread.
 */
import createBackupWorker from './backup-worker?nodeWorker'
import { runBackupWithWorker, type BackupJob, type BackupJobResult } from './backup-job'

export function runBackupInWorker(job: BackupJob): Promise<BackupJobResult> {
  return runBackupWithWorker(job, (workerData) => createBackupWorker({ workerData }))
}
