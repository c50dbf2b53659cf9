/**
 * The `.reg` file `reg export <key> <file> /y` writes (and regedit's export): UTF-16LE with a BOM,
 * CRLF lines, the header `Windows Registry Editor Version 5.00`, then per key a `[HKEY_…\path]`
 * line followed by its values, one a line: `"name"=` (or `@=` for the key's unnamed default value,
 * in every display language) and the data as `"text"` (with `\\` and `\"` escaped; Wine also
 * writes `\n` and `\r`), `dword:0000005a`, or `hex(<type>):` bytes in two-digit hex separated by
 * commas, long ones continued on the next line after a trailing backslash (`hex:` is REG_BINARY,
 * `hex(2):` REG_EXPAND_SZ, `hex(7):` REG_MULTI_SZ and `hex(b):` REG_QWORD, little-endian; the
 * strings inside are UTF-16LE). Unlike `reg query`'s console text it holds every character as
 * written and never depends on the console's code page or the display language.
 */
export type RegValue =
  | { name: string; type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { name: string; type: 'REG_MULTI_SZ'; data: string[] }
  | { name: string; type: 'REG_DWORD'; data: number }
  /** A QWORD is kept exact: beyond 2^53 a JavaScript number would round it. */
  | { name: string; type: 'REG_QWORD'; data: bigint }
  | { name: string; type: 'other'; regType: string; bytes: Buffer }

export interface RegKey {
  /** The key's full path as written in the file (`HKEY_LOCAL_MACHINE\SOFTWARE\…`). */
  path: string
  values: RegValue[]
}

/** A line of the file that could not be read, by its number (1 is the header). */
export interface RegFileError {
  line: number
  message: string
}

/** The header of every export since Windows 2000 (the older `REGEDIT4` is ANSI and never written by `reg export`). */
export const REG_FILE_HEADER = 'Windows Registry Editor Version 5.00'

/** The bytes of a `.reg` file as text: UTF-16LE after its BOM (also UTF-8 with or without one). */
export function decodeRegFile(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le')
  return bytes.toString('utf8').replace(/^\uFEFF/, '')
}

/** The names of the types `hex(<n>):` writes; the others are named by their number. */
const hexTypes: Record<number, string> = {
  0: 'REG_NONE',
  1: 'REG_SZ',
  2: 'REG_EXPAND_SZ',
  3: 'REG_BINARY',
  4: 'REG_DWORD',
  5: 'REG_DWORD_BIG_ENDIAN',
  6: 'REG_LINK',
  7: 'REG_MULTI_SZ',
  8: 'REG_RESOURCE_LIST',
  9: 'REG_FULL_RESOURCE_DESCRIPTOR',
  10: 'REG_RESOURCE_REQUIREMENTS_LIST',
  11: 'REG_QWORD',
}

/**
 * Every key in the file with its values, in order, and every line that could not be read (pure;
 * never throws). Deletions (`[-HKEY…]`, `"name"=-`) are skipped: an export never writes them.
 */
export function parseRegFile(text: string): { keys: RegKey[]; errors: RegFileError[] } {
  const reader = new Reader(text.replace(/^\uFEFF/, ''))
  const keys: RegKey[] = []
  const errors: RegFileError[] = []
  reader.skipBlank()
  if (reader.restOfLine().trim() !== REG_FILE_HEADER) {
    errors.push({ line: 1, message: `not a registry export (no "${REG_FILE_HEADER}")` })
    return { keys, errors }
  }
  /** The key the values belong to; 'deleted' under a `[-HKEY…]` line. */
  let current: RegKey | 'deleted' | null = null
  for (reader.skipBlank(); !reader.done(); reader.skipBlank()) {
    const line = reader.line()
    const first = reader.peek()
    if (first === ';') {
      reader.restOfLine()
      continue
    }
    if (first === '[') {
      const whole = reader.restOfLine().trim()
      const inner = whole.endsWith(']') ? whole.slice(1, -1) : ''
      if (inner === '') {
        errors.push({ line, message: 'a key line must be [HKEY_…]' })
        current = null
      } else if (inner.startsWith('-')) current = 'deleted'
      else keys.push((current = { path: inner, values: [] }))
      continue
    }
    let value: RegValue | 'deleted'
    try {
      value = readValue(reader)
      if (!reader.atLineEnd()) throw new Error('unexpected text after the value')
    } catch (error) {
      errors.push({ line, message: error instanceof Error ? error.message : 'cannot be read' })
      reader.restOfLine()
      continue
    }
    reader.restOfLine()
    if (current === null) errors.push({ line, message: 'a value before any [key] line' })
    else if (value !== 'deleted' && current !== 'deleted') current.values.push(value)
  }
  return { keys, errors }
}

/** One `name=data` entry (the reader at its first character). */
function readValue(reader: Reader): RegValue | 'deleted' {
  let name: string
  if (reader.peek() === '@') {
    reader.next()
    name = ''
  } else if (reader.peek() === '"') name = reader.quoted()
  else throw new Error('a value must start with "name"= or @=')
  reader.skipSpaces()
  if (reader.next() !== '=') throw new Error('"=" expected after the name')
  reader.skipSpaces()
  if (reader.peek() === '-') {
    reader.next()
    return 'deleted'
  }
  if (reader.peek() === '"') return { name, type: 'REG_SZ', data: reader.quoted() }
  const kind = reader.match(/dword:|hex(?:\([0-9a-fA-F]{1,8}\))?:/y)
  if (kind === null) throw new Error('unknown data (expected "text", dword: or hex:)')
  if (kind === 'dword:') {
    const digits = reader.match(/[0-9a-fA-F]{1,8}/y)
    if (digits === null) throw new Error('dword: needs up to 8 hex digits')
    return { name, type: 'REG_DWORD', data: parseInt(digits, 16) }
  }
  const type = kind === 'hex:' ? 3 : parseInt(kind.slice(4, -2), 16)
  return fromBytes(name, type, reader.hexBytes())
}

/** A `hex(<type>):` value: the string types decoded, the numbers read little-endian, others as bytes. */
function fromBytes(name: string, type: number, bytes: Buffer): RegValue {
  const regType = hexTypes[type] ?? `hex(${type.toString(16)})`
  switch (type) {
    case 1:
    case 2:
      return { name, type: type === 1 ? 'REG_SZ' : 'REG_EXPAND_SZ', data: utf16(bytes).split('\0')[0] ?? '' }
    case 7: {
      const text = utf16(bytes).replace(/\0+$/, '')
      return { name, type: 'REG_MULTI_SZ', data: text === '' ? [] : text.split('\0') }
    }
    case 4:
      if (bytes.length !== 4) throw new Error(`a REG_DWORD has 4 bytes, not ${bytes.length}`)
      return { name, type: 'REG_DWORD', data: bytes.readUInt32LE(0) }
    case 11:
      if (bytes.length !== 8) throw new Error(`a REG_QWORD has 8 bytes, not ${bytes.length}`)
      return { name, type: 'REG_QWORD', data: bytes.readBigUInt64LE(0) }
    default:
      return { name, type: 'other', regType, bytes }
  }
}

function utf16(bytes: Buffer): string {
  if (bytes.length % 2 !== 0) throw new Error('UTF-16 text with an odd number of bytes')
  return bytes.toString('utf16le')
}

/** A cursor over the file's text that knows its line number. */
class Reader {
  private at = 0
  private lineNumber = 1

  constructor(private readonly text: string) {}

  done(): boolean {
    return this.at >= this.text.length
  }

  line(): number {
    return this.lineNumber
  }

  peek(): string {
    return this.text[this.at] ?? ''
  }

  next(): string {
    const char = this.peek()
    this.at++
    if (char === '\n') this.lineNumber++
    return char
  }

  /** Blank lines and leading spaces. */
  skipBlank(): void {
    while (/[ \t\r\n]/.test(this.peek()) && !this.done()) this.next()
  }

  skipSpaces(): void {
    while (this.peek() === ' ' || this.peek() === '\t') this.next()
  }

  /** Only spaces are left before the end of this line. */
  atLineEnd(): boolean {
    this.skipSpaces()
    return this.done() || this.peek() === '\r' || this.peek() === '\n'
  }

  /** The rest of this line, the line break consumed. */
  restOfLine(): string {
    let out = ''
    while (!this.done() && this.peek() !== '\n') out += this.next()
    if (!this.done()) this.next()
    return out.replace(/\r$/, '')
  }

  /** The text `pattern` (sticky) matches here, consumed; or null. */
  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.at
    const found = pattern.exec(this.text)
    if (!found) return null
    for (let i = 0; i < found[0].length; i++) this.next()
    return found[0]
  }

  /**
   * A quoted name or string: `\\` and `\"` (regedit and reg.exe), `\n`, `\r` and `\0` (Wine);
   * a line break inside the quotes is part of the text (regedit writes it as it is).
   */
  quoted(): string {
    this.next()
    let out = ''
    for (;;) {
      if (this.done()) throw new Error('a quoted text is not closed')
      const char = this.next()
      if (char === '"') return out
      if (char !== '\\') {
        out += char
        continue
      }
      const escaped = this.next()
      if (escaped === '\\' || escaped === '"') out += escaped
      else if (escaped === 'n') out += '\n'
      else if (escaped === 'r') out += '\r'
      else if (escaped === '0') out += '\0'
      else out += '\\' + escaped
    }
  }

  /** Comma-separated hex bytes, continued on the next line after a trailing backslash. */
  hexBytes(): Buffer {
    const bytes: number[] = []
    for (;;) {
      this.skipSpaces()
      if (this.peek() === '\\') {
        this.next()
        this.restOfLine()
        continue
      }
      const byte = this.match(/[0-9a-fA-F]{2}/y)
      if (byte === null) break
      bytes.push(parseInt(byte, 16))
      this.skipSpaces()
      if (this.peek() !== ',') break
      this.next()
    }
    return Buffer.from(bytes)
  }
}

/** `%NAME%` replaced by the environment's value (names compared without case, as Windows does). */
export function expandEnvironment(text: string, env: NodeJS.ProcessEnv): string {
  const byName = new Map(Object.entries(env).map(([name, value]) => [name.toLowerCase(), value]))
  return text.replace(/%([^%]+)%/g, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole)
}
