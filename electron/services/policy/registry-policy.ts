import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { z } from 'zod'
import { policyEntries } from '../../../shared/policy'
import type { Issue } from '../../../shared/result'
import { settingsSchema } from '../../../shared/settings'
import { decodeRegFile, expandEnvironment, parseRegFile, type RegValue } from './reg-file'

/** Where IT's Group Policy (or Intune's registry CSP) puts CalmDeck's policy. */
export const POLICY_KEY = 'HKLM\\Software\\Policies\\CalmDeck'
const FULL_KEY = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck'

/** What one run of reg.exe gave: its exit status and output, or why it could not run. */
export interface RegRun {
  status: number | null
  stdout: string
  stderr: string
  /** It did not run or did not finish (not found, timed out). */
  error?: string
}

/** Runs reg.exe with these arguments (tests: a stand-in). */
export type RegCommand = (args: readonly string[]) => RegRun

/** The largest export read (a policy key holds a few kB). */
const MAX_EXPORT_BYTES = 4 << 20

/**
 * reg.exe as found on `env`'s PATH. reg.exe ships with every Windows, so nothing native has to be
 * rebuilt for each Electron ABI as with `native-reg`, and `winreg` itself only spawns reg.exe and
 * parses its console text (which loses characters, see `readPolicyKey`). Off Windows this is a
 * `reg` on PATH, e.g. a script running Wine's reg.exe (`--registry`, tests).
 */
export function regCommand(env: NodeJS.ProcessEnv): RegCommand {
  return (args) => {
    const result = spawnSync('reg', [...args], {
      env,
      encoding: 'utf8',
      timeout: 10_000,
      windowsHide: true,
      maxBuffer: MAX_EXPORT_BYTES,
    })
    return {
      status: result.status,
      stdout: result.stdout ?? '',
      stderr: result.stderr ?? '',
      ...(result.error ? { error: (result.error as NodeJS.ErrnoException).code ?? result.error.name } : {}),
    }
  }
}

/** The policy key as read: its `.reg` text, no key at all, or why it could not be read. */
export type RegistryRead = { kind: 'found'; text: string } | { kind: 'missing' } | { kind: 'failed'; message: string }

/**
 * Reads `HKLM\Software\Policies\CalmDeck` with its subkeys through `reg export <key> <file> /reg:64
 * /y` (the 64-bit view, also from a 32-bit process): a UTF-16LE file, so every character arrives
 * as IT wrote it, whatever the console's code page, and the default value is `@` in every display
 * language (`reg query` prints text in the OEM code page and names it `(Default)`,
 * `(Podrazumijevano)`, …). The file goes in a private temporary folder (mode 0700) that is always
 * removed. reg.exe exits with 1 on any failure, its message in the display language: a failed
 * export is "no key" only when the parent key's listing (`reg query`, ASCII names) lacks it.
 */
export function readPolicyKey(reg: RegCommand, tempRoot: string = os.tmpdir()): RegistryRead {
  let dir: string
  try {
    dir = fs.mkdtempSync(path.join(tempRoot, 'calmdeck-reg-'))
  } catch (error) {
    return { kind: 'failed', message: `no temporary folder for reg export (${errorCode(error)})` }
  }
  try {
    const file = path.join(dir, 'policy.reg')
    const run = reg(['export', POLICY_KEY, file, '/reg:64', '/y'])
    if (run.error !== undefined) return { kind: 'failed', message: `reg.exe did not run (${run.error})` }
    if (run.status === 0) {
      if (fs.statSync(file).size > MAX_EXPORT_BYTES)
        return { kind: 'failed', message: `the key's export is larger than ${MAX_EXPORT_BYTES >> 20} MB` }
      return { kind: 'found', text: decodeRegFile(fs.readFileSync(file)) }
    }
    if (keyIsMissing(reg, POLICY_KEY)) return { kind: 'missing' }
    const reason = `${run.stderr}\n${run.stdout}`.trim().split(/\r?\n/)[0]?.trim() ?? ''
    return { kind: 'failed', message: `reg export failed (${run.status ?? 'killed'}): ${reason}` }
  } catch (error) {
    return { kind: 'failed', message: `the key's export could not be read (${errorCode(error)})` }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * Whether `key` does not exist: its parent lists its subkeys without it (or the parent is missing
 * too). Key names are compared as ASCII, so the console's code page and language do not matter.
 */
function keyIsMissing(reg: RegCommand, key: string): boolean {
  const cut = key.lastIndexOf('\\')
  const parent = key.slice(0, cut)
  if (!parent.includes('\\')) return false
  const name = key.slice(cut + 1).toLowerCase()
  const run = reg(['query', parent, '/reg:64'])
  if (run.error !== undefined) return false
  if (run.status !== 0) return keyIsMissing(reg, parent)
  return !run.stdout
    .split(/\r?\n/)
    .some((line) => /^HKEY_/i.test(line) && line.trim().split('\\').at(-1)?.toLowerCase() === name)
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'error'
}

/**
 * The registry's policy as the same raw object a policy.json holds, for `parsePolicy`:
 *
 * - values of `CalmDeck` itself are top-level keys (`teamChannelKind`, `teamChannelUrl`,
 *   `teamChannelSecret`, `teamFolder`, `retentionDays`, `deck`);
 * - values of the subkeys `Defaults` and `Locked` are settings by name;
 * - values of the subkey `MicrophoneApps` are answers per app (`microsip.exe` = `phone`).
 *
 * No key, or a key with only its default value, is no policy and no problem.
 */
export function registryPolicy(
  read: RegistryRead,
  env: NodeJS.ProcessEnv,
): { raw: Record<string, unknown>; issues: Issue[] } {
  if (read.kind === 'missing') return { raw: {}, issues: [] }
  if (read.kind === 'failed') return { raw: {}, issues: [{ path: '(registry)', message: read.message }] }
  return registryToRaw(read.text, env)
}

/** The subkeys the policy reads, by their entry in policy.json; the key's own values are the other entries. */
export const POLICY_SUBKEYS = { defaults: 'Defaults', locked: 'Locked', microphoneApps: 'MicrophoneApps' } as const
type SubkeyEntry = keyof typeof POLICY_SUBKEYS
const subkeyEntries = Object.keys(POLICY_SUBKEYS) as SubkeyEntry[]
const topLevel = (Object.keys(policyEntries) as (keyof typeof policyEntries)[]).filter(
  (key) => !subkeyEntries.some((entry) => entry === key),
)
const settingNames = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[]
const UNKNOWN_SUBKEY = `unknown subkey (use ${Object.values(POLICY_SUBKEYS)
  .join(', ')
  .replace(/, (?=[^,]*$)/, ' or ')})`

/**
 * The pure half of `registryPolicy`: an export's text to a raw policy object. Names are matched
 * without case, as the registry does. REG_SZ is text, REG_EXPAND_SZ text with `%VAR%` expanded,
 * REG_DWORD/REG_QWORD a number, REG_MULTI_SZ a list. Where the setting needs it, a DWORD 0/1 is
 * false/true (how ADMX templates write booleans), text such as `0.85` is a number, and text
 * starting with `{` or `[` is JSON (for `hotkeys` or an inline deck). Anything else goes to the
 * schema as it is, so the schema's message says what is wrong. The key's default value is ignored.
 */
export function registryToRaw(text: string, env: NodeJS.ProcessEnv): { raw: Record<string, unknown>; issues: Issue[] } {
  const raw: Record<string, unknown> = {}
  const { keys, errors } = parseRegFile(text)
  const issues: Issue[] = errors.map((error) => ({ path: `(registry) line ${error.line}`, message: error.message }))
  for (const key of keys) {
    const inKey = key.path.toLowerCase()
    if (inKey !== FULL_KEY.toLowerCase() && !inKey.startsWith(`${FULL_KEY.toLowerCase()}\\`)) continue
    const sub = key.path.slice(FULL_KEY.length + 1)
    const entry = subkeyEntries.find((name) => POLICY_SUBKEYS[name].toLowerCase() === sub.toLowerCase())
    if (sub !== '' && entry === undefined) {
      if (key.values.length > 0) issues.push({ path: `(registry) ${sub}`, message: UNKNOWN_SUBKEY })
      continue
    }
    for (const value of key.values) {
      if (value.name === '') continue
      const data = plainValue(value, env)
      if ('problem' in data) {
        issues.push({ path: `(registry) ${sub === '' ? value.name : `${sub}\\${value.name}`}`, message: data.problem })
        continue
      }
      if (entry === undefined) {
        const name = topLevel.find((top) => top.toLowerCase() === value.name.toLowerCase())
        if (name === undefined)
          raw[value.name] = data.value // parsePolicy reports it as an unknown key
        else raw[name] = coerce(data.value, policyEntries[name])
      } else if (entry === 'microphoneApps') {
        const group = (raw.microphoneApps ??= {}) as Record<string, unknown>
        group[value.name] = typeof data.value === 'string' ? data.value.trim() : data.value
      } else {
        const name = settingNames.find((setting) => setting.toLowerCase() === value.name.toLowerCase())
        const group = (raw[entry] ??= {}) as Record<string, unknown>
        group[name ?? value.name] = name === undefined ? data.value : coerce(data.value, settingsSchema.shape[name])
      }
    }
  }
  return { raw, issues }
}

/**
 * A value as plain data, or why it cannot be one. A REG_QWORD beyond 2^53 − 1 is refused rather
 * than rounded: a JavaScript number (and a policy.json number) cannot hold it exactly, and no
 * policy setting needs one, so IT learns of it instead of getting a silently different value.
 */
function plainValue(value: RegValue, env: NodeJS.ProcessEnv): { value: unknown } | { problem: string } {
  switch (value.type) {
    case 'REG_SZ':
    case 'REG_DWORD':
    case 'REG_MULTI_SZ':
      return { value: value.data }
    case 'REG_QWORD':
      return value.data <= BigInt(Number.MAX_SAFE_INTEGER)
        ? { value: Number(value.data) }
        : { problem: `REG_QWORD ${value.data} is larger than 2^53 − 1 and cannot be read exactly` }
    case 'REG_EXPAND_SZ':
      return { value: expandEnvironment(value.data, env) }
    default:
      return { problem: `unsupported type ${value.regType}` }
  }
}

/** The first reading of a registry value that the schema accepts, else the value as it is. */
function coerce(data: unknown, schema: z.ZodType): unknown {
  const candidates: unknown[] = []
  if (typeof data === 'string') {
    const text = data.trim()
    if (/^[{[]/.test(text)) candidates.push(parseJson(text))
    candidates.push(data)
    if (text !== '' && Number.isFinite(Number(text))) candidates.push(Number(text))
    if (/^(true|false)$/i.test(text)) candidates.push(text.toLowerCase() === 'true')
  } else if (typeof data === 'number') {
    candidates.push(data)
    if (data === 0 || data === 1) candidates.push(data === 1)
  } else candidates.push(data)
  return candidates.find((candidate) => candidate !== undefined && schema.safeParse(candidate).success) ?? data
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
