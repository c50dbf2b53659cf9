import fs from 'node:fs'
import path from 'node:path'
import type { Deck } from '../../../shared/deck'
import { mergePolicies, parsePolicy, type Policy } from '../../../shared/policy'
import { AppError, type Issue } from '../../../shared/result'
import { parseDeckFile } from '../deck/deck-service'
import { ManagedPolicy } from './managed-policy'
import { registryPolicy, runRegQuery, type RegQueryRun } from './registry-policy'

/** The machine-wide policy file for this OS (IT installs it; agents cannot write there). */
export function defaultPolicyFile(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'CalmDeck', 'policy.json')
  if (platform === 'darwin') return '/Library/Application Support/CalmDeck/policy.json'
  return '/etc/calmdeck/policy.json'
}

/**
 * Reads a policy file (the web host's `--policy`). A missing file is no policy; an unreadable or
 * malformed one is reported as an issue (the valid entries still apply). Never throws.
 */
export function loadPolicyFile(file: string, current?: ManagedPolicy): ManagedPolicy {
  const { policy, issues, broken } = readPolicyFile(file)
  if (broken && current) return keep(current, issues)
  return managed(policy, issues, path.dirname(file))
}

/**
 * Read again while running, a file that cannot be read or is not JSON (a save half done, a
 * typo) leaves the policy in force as it was, with the problem reported: it never unlocks.
 */
function keep(current: ManagedPolicy, issues: Issue[]): ManagedPolicy {
  return new ManagedPolicy(
    current.values,
    issues.map((issue) => ({ ...issue, message: `${issue.message}; the policy read before stays in force` })),
    current.deck,
  )
}

/**
 * The desktop app's policy: the OS's policy file and, on Windows, `HKLM\Software\Policies\CalmDeck`
 * as well, the registry winning entry by entry (see `mergePolicies`): Group Policy and Intune
 * write the registry, so what they set is what applies. reg.exe never runs on other systems.
 */
export function loadMachinePolicy(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  /**
   * `current`: the policy in force, when read again while running (see `keep`); tests: another
   * policy file, and a stand-in for reg.exe.
   */
  options: { current?: ManagedPolicy; file?: string; runRegistry?: () => RegQueryRun } = {},
): ManagedPolicy {
  const file = options.file ?? defaultPolicyFile(platform, env)
  const runRegistry = options.runRegistry ?? runRegQuery
  const fromFile = readPolicyFile(file)
  if (fromFile.broken && options.current) return keep(options.current, fromFile.issues)
  if (platform !== 'win32') return managed(fromFile.policy, fromFile.issues, path.dirname(file))
  const { raw, issues: registryIssues } = registryPolicy(runRegistry(), env)
  const fromRegistry = parsePolicy(raw)
  return managed(
    mergePolicies(fromFile.policy, fromRegistry.policy),
    [
      ...fromFile.issues,
      ...registryIssues,
      ...fromRegistry.issues.map((issue) => ({ ...issue, path: `(registry) ${issue.path}` })),
    ],
    path.win32.dirname(file),
  )
}

/** The file's policy; `broken`: it exists but cannot be read or is not JSON. */
function readPolicyFile(file: string): { policy: Policy; issues: Issue[]; broken?: true } {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') return { policy: {}, issues: [] }
    const message = `cannot be read (${String(code ?? 'error')})`
    return { policy: {}, issues: [{ path: '(file)', message }], broken: true }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { policy: {}, issues: [{ path: '(root)', message: 'is not valid JSON' }], broken: true }
  }
  return parsePolicy(raw)
}

function managed(policy: Policy, issues: Issue[], baseDir: string): ManagedPolicy {
  const all = [...issues]
  const deck = typeof policy.deck === 'string' ? readPolicyDeck(policy.deck, baseDir, all) : null
  return new ManagedPolicy(policy, all, deck)
}

/** The deck file a policy names (relative to the policy's folder); a problem is an issue under `deck`. */
function readPolicyDeck(file: string, baseDir: string, issues: Issue[]): Deck | null {
  const resolved = path.resolve(baseDir, file)
  let text: string
  try {
    text = fs.readFileSync(resolved, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    issues.push({ path: 'deck', message: `${resolved} cannot be read (${String(code ?? 'error')})` })
    return null
  }
  try {
    return parseDeckFile(text.replace(/^\uFEFF/, ''))
  } catch (error) {
    if (!(error instanceof AppError)) throw error
    for (const issue of error.issues ?? [{ path: '(file)', message: error.message }])
      issues.push({ path: `deck (${path.basename(resolved)}) ${issue.path}`, message: issue.message })
    return null
  }
}
