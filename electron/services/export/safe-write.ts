import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { AppError } from '../../../shared/result'

/** Why a file was not written, in words safe to show (a path, never file contents). */
export class WriteRefused extends AppError {
  constructor(
    readonly reason: 'exists' | 'no-folder' | 'failed',
    message: string,
  ) {
    super(reason === 'exists' ? 'conflict' : reason === 'no-folder' ? 'not-found' : 'storage', message)
    this.name = 'WriteRefused'
  }
}

/** What a file is written from: the whole text or bytes, or text in pieces (written as they come). */
export type FileData = string | Uint8Array | Iterable<string>

/** Pieces of text are gathered to about this many characters per write. */
const WRITE_CHUNK = 1 << 18

/**
 * Writes `data` to `target` so that a crash at any moment leaves either no file (or the old one)
 * or the complete new one: a temporary file in the same folder, fsync, then an atomic rename (or,
 * without `force`, a hard link that fails if the name was taken meanwhile), then fsync of the
 * folder where the OS allows it. Without `force` an existing file is never replaced.
 */
export function writeFileSafely(target: string, data: FileData, options: { force?: boolean } = {}): void {
  const dir = path.dirname(target)
  if (!isFolder(dir)) throw new WriteRefused('no-folder', `The folder ${dir} does not exist.`)
  if (!options.force && fs.existsSync(target)) {
    throw new WriteRefused('exists', `${path.basename(target)} already exists. Nothing was overwritten.`)
  }
  const temp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`)
  try {
    const fd = fs.openSync(temp, 'wx', 0o600)
    try {
      writeAll(fd, data)
      fs.fsyncSync(fd)
    } finally {
      fs.closeSync(fd)
    }
    if (options.force) fs.renameSync(temp, target)
    else publishWithoutReplacing(temp, target)
  } catch (error) {
    removeQuietly(temp)
    if (error instanceof WriteRefused) throw error
    const code = (error as NodeJS.ErrnoException).code ?? 'error'
    throw new WriteRefused('failed', `${path.basename(target)} could not be written (${code}).`)
  }
  syncFolder(dir)
}

/** The data into the open file; text in pieces is written in chunks, never held whole. */
function writeAll(fd: number, data: FileData): void {
  if (typeof data === 'string' || data instanceof Uint8Array) {
    fs.writeFileSync(fd, data)
    return
  }
  let pending = ''
  for (const piece of data) {
    pending += piece
    if (pending.length >= WRITE_CHUNK) {
      writeText(fd, pending)
      pending = ''
    }
  }
  if (pending) writeText(fd, pending)
}

/** One chunk as UTF-8, however many writes the OS takes for it. */
function writeText(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8')
  for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(fd, bytes, offset)
}

/** link + unlink: atomic and never replaces; file systems without hard links fall back to rename. */
function publishWithoutReplacing(temp: string, target: string): void {
  try {
    fs.linkSync(temp, target)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') {
      throw new WriteRefused('exists', `${path.basename(target)} already exists. Nothing was overwritten.`)
    }
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error
    if (fs.existsSync(target)) {
      throw new WriteRefused('exists', `${path.basename(target)} already exists. Nothing was overwritten.`)
    }
    fs.renameSync(temp, target)
    return
  }
  removeQuietly(temp)
}

/** Makes the rename itself durable. Not possible on Windows (a folder cannot be opened): skipped. */
function syncFolder(dir: string): void {
  let fd: number | undefined
  try {
    fd = fs.openSync(dir, 'r')
    fs.fsyncSync(fd)
  } catch {
    // EISDIR/EPERM on Windows; the data itself was already synced.
  } finally {
    if (fd !== undefined) fs.closeSync(fd)
  }
}

function isFolder(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory()
  } catch {
    return false
  }
}

function removeQuietly(file: string): void {
  try {
    fs.unlinkSync(file)
  } catch {
    // Already gone.
  }
}
