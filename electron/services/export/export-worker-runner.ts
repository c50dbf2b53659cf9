/**
 * Runs export jobs in a worker thread. Only the built hosts import this (electron-vite turns the
 * `?nodeWorker` import into a worker entry); tests and the CLI run jobs in their own thread.
 */
import createExportWorker from './export-worker?nodeWorker'
import { exportJobResultSchema, type ExportJob, type ExportJobResult } from './export-job'

/** Answers once the worker has ended (its heap is freed then), with what it reported. */
export function runExportInWorker(job: ExportJob): Promise<ExportJobResult> {
  return new Promise((resolve) => {
    const worker = createExportWorker({ workerData: job })
    let result: ExportJobResult | null = null
    let failure: string | null = null
    worker.once('message', (message: unknown) => {
      const parsed = exportJobResultSchema.safeParse(message)
      if (parsed.success) result = parsed.data
      else failure = 'BAD_WORKER_RESULT'
    })
    worker.once('error', (error) => {
      failure ??= error.name
    })
    worker.once('exit', (code) => {
      resolve(result ?? { ok: false, written: [], failure: failure ?? `WORKER_EXIT_${code}` })
    })
  })
}
