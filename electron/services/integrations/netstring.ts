/**
 * Netstrings (`<length>:<bytes>,`), the framing of baresip's ctrl_tcp. Pure functions over
 * buffers, so a stream can be fed in chunks of any size.
 */

/** Frames larger than this are refused: baresip's messages are a few hundred bytes. */
export const MAX_NETSTRING_BYTES = 64 * 1024
const MAX_LENGTH_DIGITS = String(MAX_NETSTRING_BYTES).length

export type DecodeResult =
  /** Whole frames found, and the bytes of an incomplete one to keep for the next chunk. */
  { ok: true; frames: Buffer[]; rest: Buffer } | { ok: false; error: string }

export function encodeNetstring(payload: string | Buffer): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload
  return Buffer.concat([Buffer.from(`${body.length}:`, 'ascii'), body, Buffer.from(',', 'ascii')])
}

/**
 * Takes every complete frame from `buffer`. An error means the stream is not netstrings (or a
 * frame is too large) and cannot be resynchronised: the caller should drop the connection.
 */
export function decodeNetstrings(buffer: Buffer): DecodeResult {
  const frames: Buffer[] = []
  let offset = 0
  while (offset < buffer.length) {
    let colon = offset
    while (colon < buffer.length && buffer[colon] !== 0x3a /* : */) {
      const byte = buffer[colon] ?? 0
      if (byte < 0x30 || byte > 0x39) return { ok: false, error: 'a frame length must be digits' }
      if (colon - offset >= MAX_LENGTH_DIGITS) return { ok: false, error: 'a frame is too large' }
      colon++
    }
    if (colon >= buffer.length) break
    if (colon === offset) return { ok: false, error: 'a frame has no length' }
    const digits = buffer.subarray(offset, colon).toString('ascii')
    if (digits.length > 1 && digits.startsWith('0')) return { ok: false, error: 'a frame length has a leading zero' }
    const length = Number(digits)
    if (length > MAX_NETSTRING_BYTES) return { ok: false, error: 'a frame is too large' }
    const end = colon + 1 + length
    if (end >= buffer.length) break
    if (buffer[end] !== 0x2c /* , */) return { ok: false, error: 'a frame does not end with ","' }
    frames.push(Buffer.from(buffer.subarray(colon + 1, end)))
    offset = end + 1
  }
  return { ok: true, frames, rest: Buffer.from(buffer.subarray(offset)) }
}
