import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * The local API's token and port live in the data folder, readable by the user only (mode 0600;
 * on Windows the per-user %APPDATA% folder protects them). The token is made once and kept, so
 * hooks keep working across restarts; the port file exists while the app is running.
 * Kept free of other services so `calmdeck-event` loads fast.
 */
export const TOKEN_FILE = 'local-api-token'
export const PORT_FILE = 'local-api-port'
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/

/** Reads the token, creating it (or replacing a damaged one) first. */
export function ensureToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE)
  const existing = readTrimmed(file)
  if (existing !== null && TOKEN_PATTERN.test(existing)) {
    restrictMode(file)
    return existing
  }
  const token = crypto.randomBytes(32).toString('base64url')
  writePrivate(file, token)
  return token
}

export function writePortFile(dataDir: string, port: number): void {
  writePrivate(path.join(dataDir, PORT_FILE), String(port))
}

/** Removes the port file if it still names `port` (another instance may have written its own). */
export function removePortFile(dataDir: string, port: number): void {
  const file = path.join(dataDir, PORT_FILE)
  if (readTrimmed(file) === String(port)) fs.rmSync(file, { force: true })
}

export type Connection = { ok: true; port: number; token: string } | { ok: false; reason: 'not-running' | 'no-token' }

/** What a client needs to reach the running app. */
export function readConnection(dataDir: string): Connection {
  const portText = readTrimmed(path.join(dataDir, PORT_FILE))
  const port = Number(portText)
  if (portText === null || !Number.isInteger(port) || port < 1 || port > 65535)
    return { ok: false, reason: 'not-running' }
  const token = readTrimmed(path.join(dataDir, TOKEN_FILE))
  if (token === null || !TOKEN_PATTERN.test(token)) return { ok: false, reason: 'no-token' }
  return { ok: true, port, token }
}

function readTrimmed(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8').slice(0, 256).trim()
  } catch {
    return null
  }
}

/** Written to a temporary file created with mode 0600, then renamed over the target. */
function writePrivate(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const temp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
  try {
    fs.writeFileSync(temp, text + '\n', { mode: 0o600, flag: 'wx' })
    fs.renameSync(temp, file)
  } finally {
    fs.rmSync(temp, { force: true })
  }
  restrictMode(file)
}

function restrictMode(file: string): void {
  if (process.platform === 'win32') return
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600)
}
