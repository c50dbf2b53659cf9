import type { MicUse } from './monitor'

/**
 * Windows' record of microphone use, from `reg query <ConsentStore\microphone> /s`: one key per
 * app (Store apps by package name; desktop apps under `NonPackaged` with `\` written as `#`),
 * in use while `LastUsedTimeStop` is 0 and `LastUsedTimeStart` is not.
 */
export interface ConsentEntry {
  /** `microsip.exe`, or a Store package name. */
  app: string
  inUse: boolean
}

export function parseConsentStore(text: string): ConsentEntry[] {
  const entries: ConsentEntry[] = []
  let current: { app: string; start: bigint; stop: bigint | null } | null = null
  const flush = (): void => {
    if (current) entries.push({ app: current.app, inUse: current.start > 0n && current.stop === 0n })
    current = null
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd()
    if (/^HKEY_/i.test(line)) {
      flush()
      const app = appOfKey(line)
      if (app) current = { app, start: 0n, stop: null }
      continue
    }
    const value = /^\s+(LastUsedTimeStart|LastUsedTimeStop)\s+REG_QWORD\s+(0x[0-9a-f]+)\s*$/i.exec(line)
    if (!current || !value?.[1] || !value[2]) continue
    if (value[1].toLowerCase() === 'lastusedtimestart') current.start = BigInt(value[2])
    else current.stop = BigInt(value[2])
  }
  flush()
  return entries
}

/** The app a key names: the last part of its path, NonPackaged paths cut to the file name. */
function appOfKey(key: string): string | null {
  const parts = key.split('\\')
  const at = parts.findIndex((part) => part.toLowerCase() === 'microphone')
  const rest = at < 0 ? [] : parts.slice(at + 1)
  if (rest.length === 1 && rest[0]?.toLowerCase() !== 'nonpackaged') return rest[0] ?? null
  if (rest.length === 2 && rest[0]?.toLowerCase() === 'nonpackaged') {
    const file = rest[1]?.split('#').pop()
    return file ? file : null
  }
  return null
}

/** Image names from `tasklist /fo csv /nh`, lower-case (`"MicroSIP.exe","4242",…`). */
export function parseTasklist(text: string): Map<string, number[]> {
  const running = new Map<string, number[]>()
  for (const line of text.split(/\r?\n/)) {
    const cells = /^"([^"]+)","(\d+)"/.exec(line)
    if (!cells?.[1] || !cells[2]) continue
    const name = cells[1].toLowerCase()
    running.set(name, [...(running.get(name) ?? []), Number(cells[2])])
  }
  return running
}

/**
 * Apps using the microphone: registry entries in use whose program still runs (an entry stays
 * "in use" after a crash). Store apps cannot be matched to a process by name and are taken as they are.
 */
export function windowsMicUses(consentText: string, tasklistText: string): MicUse[] {
  const running = parseTasklist(tasklistText)
  const uses: MicUse[] = []
  for (const entry of parseConsentStore(consentText)) {
    if (!entry.inUse) continue
    const isExe = /\.exe$/i.test(entry.app)
    const pids = running.get(entry.app.toLowerCase())
    if (isExe && !pids) continue
    uses.push({ app: entry.app, pid: pids?.length === 1 ? (pids[0] ?? null) : null })
  }
  return uses
}
