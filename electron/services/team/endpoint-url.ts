import { AppError } from '../../../shared/result'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost'])

/**
 * The one rule for a team channel URL: `https://`, or plain `http://` only to this machine
 * (127.0.0.1, ::1, localhost), no user name or password in it. The URL itself is a secret (it
 * carries the channel's signature): the error never repeats it.
 */
export function checkEndpointUrl(text: string): URL {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new AppError('invalid-request', 'The webhook address is not a valid URL.')
  }
  if (url.username || url.password)
    throw new AppError('invalid-request', 'The webhook address may not contain a user name or password.')
  if (url.protocol === 'https:') return url
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url
  throw new AppError('invalid-request', 'The webhook address must start with https:// (http:// only to this computer).')
}

/** The URL as Settings show it: scheme and host, the secret path left out ("https://example.org/…"). */
export function maskEndpointUrl(text: string): string {
  try {
    const url = new URL(text)
    return `${url.protocol}//${url.host}/…`
  } catch {
    return '…'
  }
}
