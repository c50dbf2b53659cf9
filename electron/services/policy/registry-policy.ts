import { spawnSync } from 'node:child_process'
import type { z } from 'zod'
import { policyEntries } from '../../../shared/policy'
import type { Issue } from '../../../shared/result'
import { settingsSchema } from '../../../shared/settings'
import { expandEnvironment, parseRegQuery, type RegValue } from './reg-query'

/** Where IT's Group Policy (or Intune's registry CSP) puts CalmDeck's policy. */
export const POLICY_KEY = 'HKLM\\Software\\Policies\\CalmDeck'
const FULL_KEY = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck'

/** What running reg.exe gave: its exit status and output, or why it could not run. */
export interface RegQueryRun {
  status: number | null
  stdout: string
  stderr: string
  /** It did not run or did not finish (not found, timed out). */
  error?: string
}

/**
 * Runs `reg query HKLM\Software\Policies\CalmDeck /s /reg:64` (the 64-bit view, also from a
 * 32-bit process). reg.exe ships with every Windows, so nothing native has to be rebuilt for
 * each Electron ABI as with `native-reg`, and `winreg` itself only spawns reg.exe and parses its
 * text: one `spawnSync` at start (a few tens of ms) and the pure parser below do the same with one
 * dependency fewer. Never called on other systems. Not checked on Windows yet: reg.exe writes
 * piped output in the console's code page, so values outside ASCII may arrive garbled.
 */
export function runRegQuery(): RegQueryRun {
  const result = spawnSync('reg', ['query', POLICY_KEY, '/s', '/reg:64'], {
    encoding: 'utf8',
    timeout: 5_000,
    windowsHide: true,
    maxBuffer: 4 << 20,
  })
  return {
    status: result.status,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ...(result.error ? { error: (result.error as NodeJS.ErrnoException).code ?? result.error.name } : {}),
  }
}

/**
 * The registry's policy as the same raw object a policy.json holds, for `parsePolicy`:
 *
 * - values of `CalmDeck` itself are top-level keys (`teamChannelKind`, `teamChannelUrl`,
 *   `teamChannelSecret`, `teamFolder`, `retentionDays`, `deck`);
 * - values of the subkeys `Defaults` and `Locked` are settings by name;
 * - values of the subkey `MicrophoneApps` are answers per app (`microsip.exe` = `phone`).
 *
 * Names are matched without case, as the registry does. REG_SZ is text, REG_EXPAND_SZ text with
 * `%VAR%` expanded, REG_DWORD/REG_QWORD a number, REG_MULTI_SZ a list. Where the setting needs
 * it, a DWORD 0/1 is false/true (how ADMX templates write booleans), text such as `0.85` is a
 * number, and text starting with `{` or `[` is JSON (for `hotkeys` or an inline deck). Anything
 * else goes to the schema as it is, so the schema's message says what is wrong.
 */
export function registryPolicy(
  run: RegQueryRun,
  env: NodeJS.ProcessEnv,
): { raw: Record<string, unknown>; issues: Issue[] } {
  if (run.error !== undefined)
    return { raw: {}, issues: [{ path: '(registry)', message: `reg.exe did not run (${run.error})` }] }
  // reg.exe exits with 1 when the key does not exist, with "ERROR: The system was unable to find
  // the specified registry key or value." in the system's language: no registry policy.
  if (run.status === 1 && run.stdout.trim() === '') return { raw: {}, issues: [] }
  if (run.status !== 0) {
    const reason = run.stderr.split(/\r?\n/)[0]?.trim() ?? ''
    return {
      raw: {},
      issues: [{ path: '(registry)', message: `reg query failed (${run.status ?? 'killed'}): ${reason}` }],
    }
  }
  return registryToRaw(run.stdout, env)
}

const topLevel = Object.keys(policyEntries).filter(
  (key) => key !== 'defaults' && key !== 'locked' && key !== 'microphoneApps',
) as (keyof typeof policyEntries)[]
const settingNames = Object.keys(settingsSchema.shape) as (keyof typeof settingsSchema.shape)[]

/** The pure half of `registryPolicy`: reg.exe's text to a raw policy object. */
export function registryToRaw(text: string, env: NodeJS.ProcessEnv): { raw: Record<string, unknown>; issues: Issue[] } {
  const raw: Record<string, unknown> = {}
  const issues: Issue[] = []
  for (const key of parseRegQuery(text)) {
    if (!key.path.toLowerCase().startsWith(FULL_KEY.toLowerCase())) continue
    const sub = key.path.slice(FULL_KEY.length).replace(/^\\/, '')
    const section = sub.toLowerCase()
    for (const value of key.values) {
      if (value.name === '(Default)') continue
      const where = sub === '' ? value.name : `${sub}\\${value.name}`
      const data = plainValue(value, env)
      if (data === undefined) {
        issues.push({
          path: `(registry) ${where}`,
          message: `unsupported type ${value.type === 'other' ? value.regType : value.type}`,
        })
        continue
      }
      if (section === '') {
        const name = topLevel.find((entry) => entry.toLowerCase() === value.name.toLowerCase())
        if (name === undefined)
          raw[value.name] = data // parsePolicy reports it as an unknown key
        else raw[name] = coerce(data, policyEntries[name])
      } else if (section === 'defaults' || section === 'locked') {
        const entry = section === 'defaults' ? 'defaults' : 'locked'
        const name = settingNames.find((setting) => setting.toLowerCase() === value.name.toLowerCase())
        const group = (raw[entry] ??= {}) as Record<string, unknown>
        group[name ?? value.name] = name === undefined ? data : coerce(data, settingsSchema.shape[name])
      } else if (section === 'microphoneapps') {
        const group = (raw.microphoneApps ??= {}) as Record<string, unknown>
        group[value.name] = typeof data === 'string' ? data.trim() : data
      } else {
        issues.push({ path: `(registry) ${sub}`, message: 'unknown subkey (use Defaults, Locked or MicrophoneApps)' })
        break
      }
    }
  }
  return { raw, issues }
}

function plainValue(value: RegValue, env: NodeJS.ProcessEnv): unknown {
  switch (value.type) {
    case 'REG_SZ':
    case 'REG_DWORD':
    case 'REG_QWORD':
    case 'REG_MULTI_SZ':
      return value.data
    case 'REG_EXPAND_SZ':
      return expandEnvironment(value.data, env)
    default:
      return undefined
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
