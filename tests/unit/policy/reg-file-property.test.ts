/**
 * The .reg parser against every character: any keys and values, written the way reg.exe and
 * regedit write them (text escaped `\\` and `\"`, line breaks escaped as Wine does or left in
 * the quotes as regedit does; hex bytes wrapped after a trailing backslash; UTF-16LE on disk),
 * read back exactly. And no input makes it throw.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decodeRegFile, parseRegFile, type RegKey, type RegValue } from '../../../electron/services/policy/reg-file'

/** Text a value can hold (a registry string ends at its first NUL), weighted towards the hard cases. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom('\\', '"', '\r', '\n', '=', '@', '[', ']', ';', ',', ' ', 'Ž', '–', 'ë', 'Ø', '😀', '%'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((char) => char !== '\0'),
  ),
  maxLength: 30,
})
const nonEmpty = text.filter((value) => value !== '')

const value: fc.Arbitrary<RegValue> = fc.oneof(
  fc.record({ name: text, type: fc.constant('REG_SZ' as const), data: text }),
  fc.record({ name: text, type: fc.constant('REG_EXPAND_SZ' as const), data: text }),
  fc.record({ name: text, type: fc.constant('REG_MULTI_SZ' as const), data: fc.array(nonEmpty, { maxLength: 4 }) }),
  fc.record({ name: text, type: fc.constant('REG_DWORD' as const), data: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ name: text, type: fc.constant('REG_QWORD' as const), data: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }) }),
  fc.record({
    name: text,
    type: fc.constant('other' as const),
    regType: fc.constant('REG_BINARY'),
    bytes: fc.uint8Array({ maxLength: 60 }).map((bytes) => Buffer.from(bytes)),
  }),
)

const keys = fc.array(
  fc.record({
    path: fc
      .constantFrom('', '\\Defaults', '\\Locked', '\\MicrophoneApps', '\\Podrška Ž', '\\a]b')
      .map((sub) => `HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CalmDeck${sub}`),
    values: fc.array(value, { maxLength: 6 }),
  }),
  { maxLength: 4 },
)

/** A writer as reg.exe's: `wine` escapes line breaks, regedit leaves them in the quotes. */
function writeRegFile(list: RegKey[], style: { wine: boolean; wrapAt: number }): Buffer {
  const quote = (value: string) => {
    let out = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
    if (style.wine) out = out.replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    return `"${out}"`
  }
  const hex = (type: string, bytes: Buffer) => {
    const pairs = [...bytes].map((byte) => byte.toString(16).padStart(2, '0'))
    const lines: string[] = []
    for (let i = 0; i < pairs.length; i += style.wrapAt) lines.push(pairs.slice(i, i + style.wrapAt).join(','))
    return `${type}:${lines.join(',\\\r\n  ')}`
  }
  const utf16z = (value: string) => Buffer.from(`${value}\0`, 'utf16le')
  const data = (value: RegValue): string => {
    switch (value.type) {
      case 'REG_SZ':
        return quote(value.data)
      case 'REG_EXPAND_SZ':
        return hex('hex(2)', utf16z(value.data))
      case 'REG_MULTI_SZ':
        return hex('hex(7)', Buffer.from(value.data.map((item) => `${item}\0`).join('') + '\0', 'utf16le'))
      case 'REG_DWORD':
        return `dword:${value.data.toString(16).padStart(8, '0')}`
      case 'REG_QWORD': {
        const bytes = Buffer.alloc(8)
        bytes.writeBigUInt64LE(value.data)
        return hex('hex(b)', bytes)
      }
      default:
        return hex('hex', value.bytes)
    }
  }
  const lines = ['Windows Registry Editor Version 5.00', '']
  for (const key of list) {
    lines.push(`[${key.path}]`)
    for (const entry of key.values) lines.push(`${entry.name === '' ? '@' : quote(entry.name)}=${data(entry)}`)
    lines.push('')
  }
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')])
}

describe('parseRegFile, for any keys and values', () => {
  it('reads back exactly what was written, in either writer style', () => {
    fc.assert(
      fc.property(keys, fc.boolean(), fc.integer({ min: 1, max: 30 }), (list, wine, wrapAt) => {
        const parsed = parseRegFile(decodeRegFile(writeRegFile(list, { wine, wrapAt })))
        expect(parsed.errors).toEqual([])
        expect(parsed.keys).toEqual(list)
      }),
      { numRuns: 300 },
    )
  })

  it('never throws, whatever the text', () => {
    const anyText = fc.string({
      unit: fc.oneof(fc.constantFrom('\\', '"', '\r\n', '[', ']', '=', '@', 'hex(7):', 'dword:', ','), fc.string()),
    })
    fc.assert(
      fc.property(anyText, fc.boolean(), (body, header) => {
        const result = parseRegFile(header ? `Windows Registry Editor Version 5.00\r\n${body}` : body)
        expect(Array.isArray(result.keys) && Array.isArray(result.errors)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })
})
