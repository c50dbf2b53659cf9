/**
 * The text `reg query <key> /s` prints (reg.exe, every Windows since XP): a blank line, then per
 * key its full path (`HKEY_LOCAL_MACHINE\Software\…`) followed by its values, one a line, as four
 * spaces, the name, four spaces, the type and, unless the data is empty, four spaces and the data.
 * Lines end with CRLF. `REG_DWORD`/`REG_QWORD` print as `0x…` (hex), `REG_MULTI_SZ` joins its
 * strings with the two characters `\0`, `REG_EXPAND_SZ` prints the unexpanded text, and a key's
 * unnamed value is `(Default)`.
 */
export type RegValue =
  | { name: string; type: 'REG_SZ' | 'REG_EXPAND_SZ'; data: string }
  | { name: string; type: 'REG_MULTI_SZ'; data: string[] }
  | { name: string; type: 'REG_DWORD' | 'REG_QWORD'; data: number }
  | { name: string; type: 'other'; regType: string }

export interface RegKey {
  /** The key's full path as reg.exe prints it. */
  path: string
  values: RegValue[]
}

const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/

/** Every key in the output with its values, in order (pure; never throws). */
export function parseRegQuery(text: string): RegKey[] {
  const keys: RegKey[] = []
  let current: RegKey | null = null
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (/^HKEY_/i.test(line)) {
      current = { path: line.trimEnd(), values: [] }
      keys.push(current)
      continue
    }
    const match = VALUE_LINE.exec(line)
    if (!current || !match?.[1] || !match[2]) continue
    current.values.push(toValue(match[1], match[2], match[3] ?? ''))
  }
  return keys
}

function toValue(name: string, type: string, data: string): RegValue {
  switch (type) {
    case 'REG_SZ':
    case 'REG_EXPAND_SZ':
      return { name, type, data }
    case 'REG_MULTI_SZ':
      return { name, type, data: data === '' ? [] : data.split('\\0') }
    case 'REG_DWORD':
    case 'REG_QWORD': {
      const number = /^0x[0-9a-f]+$/i.test(data.trim()) ? Number(BigInt(data.trim())) : NaN
      return Number.isSafeInteger(number) ? { name, type, data: number } : { name, type: 'other', regType: type }
    }
    default:
      return { name, type: 'other', regType: type }
  }
}

/** `%NAME%` replaced by the environment's value (names compared without case, as Windows does). */
export function expandEnvironment(text: string, env: NodeJS.ProcessEnv): string {
  const byName = new Map(Object.entries(env).map(([name, value]) => [name.toLowerCase(), value]))
  return text.replace(/%([^%]+)%/g, (whole, name: string) => byName.get(name.toLowerCase()) ?? whole)
}
