/**
 * The worker thread that writes an export's files, so a year's report (hundreds of MB while it is
 * built and rendered) lives in a heap that is freed when the thread ends, not in the host's.
 * Built as its own entry (electron-vite `?nodeWorker`); one job per worker, which then exits.
 * Imported anywhere but in a worker, it does nothing.
 */
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import { runExportJob, type ExportJob } from './export-job'

if (!isMainThread && parentPort) {
  const port = parentPort
  void runExportJob(workerData as ExportJob).then((result) => {
    port.postMessage(result)
    port.close()
  })
}
