import crypto from 'node:crypto'
import { MAX_PERSONAL_DATA_CHARS } from '../../../shared/personal-data'
import { AppError } from '../../../shared/result'
import type { CallerId } from '../dispatch'

export interface ImportUploadsOptions {
  /** All uploads in progress together may hold at most this many characters. */
  maxTotalChars?: number
  /** An upload that receives nothing for this long is dropped. */
  idleMs?: number
}

interface Upload {
  caller: CallerId
  size: number
  received: number
  chunks: string[]
  timer: ReturnType<typeof setTimeout>
}

/** The default wait for the next piece: generous for a busy machine, short for a lost window. */
export const IMPORT_IDLE_MS = 60_000

/**
 * Files arriving in pieces for "Import my data…" (`data:import-begin`/`-chunk`/`-commit`). Each
 * upload belongs to the caller that began it; it is dropped when that caller goes, when it stalls,
 * when the same caller begins another, or once taken. Nothing here touches the data: the file is
 * only handed over whole, to be parsed and imported all at once.
 */
export class ImportUploads {
  private readonly uploads = new Map<string, Upload>()
  private readonly maxTotalChars: number
  private readonly idleMs: number

  constructor(options: ImportUploadsOptions = {}) {
    this.maxTotalChars = options.maxTotalChars ?? MAX_PERSONAL_DATA_CHARS
    this.idleMs = options.idleMs ?? IMPORT_IDLE_MS
  }

  /** Starts an upload of `size` characters; the caller's earlier upload, if any, is dropped. */
  begin(caller: CallerId, size: number): { uploadId: string } {
    for (const [id, upload] of this.uploads) if (upload.caller === caller) this.drop(id)
    if (this.heldChars() + size > this.maxTotalChars) {
      throw new AppError('unavailable', 'Another import is in progress. Try again when it has finished.')
    }
    const uploadId = crypto.randomBytes(16).toString('base64url')
    this.uploads.set(uploadId, { caller, size, received: 0, chunks: [], timer: this.timer(uploadId) })
    return { uploadId }
  }

  /** Adds piece `index` (in order from 0); returns how many characters have arrived. */
  append(caller: CallerId, uploadId: string, index: number, text: string): { received: number } {
    const upload = this.find(caller, uploadId)
    if (index !== upload.chunks.length || upload.received + text.length > upload.size) {
      this.drop(uploadId)
      throw new AppError('invalid-request', 'The file arrived out of order. Nothing was imported.', [
        { path: 'index', message: `expected piece ${upload.chunks.length} of at most ${upload.size} characters` },
      ])
    }
    upload.chunks.push(text)
    upload.received += text.length
    clearTimeout(upload.timer)
    upload.timer = this.timer(uploadId)
    return { received: upload.received }
  }

  /** The whole file, once every character arrived; the upload is gone afterwards either way. */
  take(caller: CallerId, uploadId: string): string {
    const upload = this.find(caller, uploadId)
    this.drop(uploadId)
    if (upload.received !== upload.size) {
      throw new AppError('invalid-request', 'The file did not arrive whole. Nothing was imported.', [
        { path: 'size', message: `${upload.received} of ${upload.size} characters arrived` },
      ])
    }
    return upload.chunks.join('')
  }

  /** The caller's connection closed: its upload goes with it. */
  dropCaller(caller: CallerId): void {
    for (const [id, upload] of this.uploads) if (upload.caller === caller) this.drop(id)
  }

  /** How many uploads are in progress (for tests and diagnostics). */
  get size(): number {
    return this.uploads.size
  }

  dispose(): void {
    for (const id of [...this.uploads.keys()]) this.drop(id)
  }

  private find(caller: CallerId, uploadId: string): Upload {
    const upload = this.uploads.get(uploadId)
    if (!upload || upload.caller !== caller) {
      throw new AppError('not-found', 'The import was interrupted (the window lost its connection or stalled).')
    }
    return upload
  }

  private drop(uploadId: string): void {
    const upload = this.uploads.get(uploadId)
    if (!upload) return
    clearTimeout(upload.timer)
    this.uploads.delete(uploadId)
  }

  private heldChars(): number {
    let total = 0
    for (const upload of this.uploads.values()) total += upload.size
    return total
  }

  private timer(uploadId: string): ReturnType<typeof setTimeout> {
    const timer = setTimeout(() => this.drop(uploadId), this.idleMs)
    timer.unref()
    return timer
  }
}
