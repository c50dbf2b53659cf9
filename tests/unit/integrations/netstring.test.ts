import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  decodeNetstrings,
  encodeNetstring,
  MAX_NETSTRING_BYTES,
} from '../../../electron/services/integrations/netstring'

/** Feeds `bytes` to the decoder in the given chunk sizes, as a socket would. */
function decodeInChunks(bytes: Buffer, sizes: number[]): { frames: string[]; error: string | null; rest: number } {
  const frames: string[] = []
  let pending: Buffer = Buffer.alloc(0)
  let offset = 0
  let i = 0
  while (offset < bytes.length) {
    const size = Math.max(1, sizes[i++ % Math.max(1, sizes.length)] ?? 1)
    const result = decodeNetstrings(Buffer.concat([pending, bytes.subarray(offset, offset + size)]))
    offset += size
    if (!result.ok) return { frames, error: result.error, rest: 0 }
    frames.push(...result.frames.map((frame) => frame.toString('utf8')))
    pending = result.rest
  }
  return { frames, error: null, rest: pending.length }
}

describe('netstrings', () => {
  it('decodes baresip frames', () => {
    const result = decodeNetstrings(Buffer.from('5:hello,0:,3:a,b,'))
    expect(result).toMatchObject({ ok: true, rest: Buffer.alloc(0) })
    if (result.ok) expect(result.frames.map(String)).toEqual(['hello', '', 'a,b'])
  })

  it('keeps an incomplete frame for the next chunk', () => {
    for (const partial of ['1', '12', '12:', '12:{"event":', '5:hello']) {
      const result = decodeNetstrings(Buffer.from(partial))
      expect(result).toEqual({ ok: true, frames: [], rest: Buffer.from(partial) })
    }
  })

  it.each([
    ['x:abc,', 'digits'],
    [':abc,', 'no length'],
    ['3:abcd', 'does not end'],
    ['05:hello,', 'leading zero'],
    [`${MAX_NETSTRING_BYTES + 1}:`, 'too large'],
    ['9999999', 'too large'],
  ])('refuses %j', (input, error) => {
    const result = decodeNetstrings(Buffer.from(input))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(error)
  })

  it('round-trips any messages, however the stream is chunked', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 300 }), { maxLength: 20 }),
        fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 10 }),
        (messages, sizes) => {
          const stream = Buffer.concat(messages.map((message) => encodeNetstring(message)))
          expect(decodeInChunks(stream, sizes)).toEqual({ frames: messages, error: null, rest: 0 })
        },
      ),
    )
  })

  it('never throws on arbitrary bytes, and never returns more bytes than it was given', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const result = decodeNetstrings(Buffer.from(bytes))
        if (result.ok) {
          const used = result.frames.reduce((sum, frame) => sum + frame.length, 0) + result.rest.length
          expect(used).toBeLessThanOrEqual(bytes.length)
        } else {
          expect(result.error).toBeTypeOf('string')
        }
      }),
    )
  })

  it('finds the frames before a corrupt one, and then refuses', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (messages) => {
        const stream = Buffer.concat([...messages.map((message) => encodeNetstring(message)), Buffer.from('zz')])
        expect(decodeNetstrings(stream).ok).toBe(false)
        expect(decodeInChunks(stream, [1]).frames).toEqual(messages)
      }),
    )
  })
})
