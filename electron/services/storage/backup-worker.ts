/**
 * The worker thread that takes backups, so the host's event loop never waits on the copy or its
 * integrity check. Built as its own entry (electron-vite `?nodeWorker`); one job per worker.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { runBackupJob, type BackupJob } from './backup-job'

void runBackupJob(workerData as BackupJob).then((result) => parentPort?.postMessage(result))
