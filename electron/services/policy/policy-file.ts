import fs from 'node:fs'
import path from 'node:path'
import type { Deck } from '../../../shared/deck'
import { mergePolicies, parsePolicy, type Policy } from '../../../shared/policy'
import { AppError, type Issue } from '../../../shared/result'
import { parseDeckFile } from '../deck/deck-service'
import { ManagedPolicy } from './managed-policy'
import { POLICY_KEY, readPolicyKey, regCommand, registryPolicy, type RegCommand } from './registry-policy'

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

/** Where the machine policy was read from, with what each source held on its own. */
export interface PolicySources {
  /** The policy file and whether it exists. */
  file: { path: string; found: boolean; policy: Policy }
  /** The registry key, when it was read (Windows, or `--registry`). */
  registry?: { key: string; found: boolean; policy: Policy }
}

/**
 * The desktop app's policy: the OS's policy file and, on Windows, `HKLM\Software\Policies\CalmDeck`
 * as well, the registry winning entry by entry (see `mergePolicies`): Group Policy and Intune
 * write the registry, so what they set is what applies. reg.exe never runs on other systems
 * unless `registry` asks for it (`calmdeck policy --registry`, tests: a `reg` on PATH).
 */
export function loadMachinePolicy(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  options: MachinePolicyOptions = {},
): ManagedPolicy {
  return readMachinePolicy(platform, env, options).policy
}

export interface MachinePolicyOptions {
  /** The policy in force, when read again while running (see `keep`). */
  current?: ManagedPolicy
  /** Another policy file (`--policy`, tests). */
  file?: string
  /** Read the registry (default: on Windows only). */
  registry?: boolean
  /** reg.exe (tests: a stand-in; default: `reg` on `env`'s PATH). */
  reg?: RegCommand
}

/** `loadMachinePolicy` with where each part came from (`calmdeck policy`). */
export function readMachinePolicy(
  platform: NodeJS.Platform,
  env: NodeJS.ProcessEnv,
  options: MachinePolicyOptions = {},
): { policy: ManagedPolicy; sources: PolicySources } {
  const file = options.file ?? defaultPolicyFile(platform, env)
  const fromFile = readPolicyFile(file)
  const sources: PolicySources = { file: { path: file, found: fromFile.found, policy: fromFile.policy } }
  if (fromFile.broken && options.current) return { policy: keep(options.current, fromFile.issues), sources }
  const baseDir = platform === 'win32' ? path.win32.dirname(file) : path.dirname(file)
  if (!(options.registry ?? platform === 'win32'))
    return { policy: managed(fromFile.policy, fromFile.issues, baseDir), sources }
  const read = readPolicyKey(options.reg ?? regCommand(env))
  const { raw, issues: registryIssues } = registryPolicy(read, env)
  const fromRegistry = parsePolicy(raw)
  sources.registry = { key: POLICY_KEY, found: read.kind === 'found', policy: fromRegistry.policy }
  const policy = managed(
    mergePolicies(fromFile.policy, fromRegistry.policy),
    [
      ...fromFile.issues,
      ...registryIssues,
      ...fromRegistry.issues.map((issue) => ({ ...issue, path: `(registry) ${issue.path}` })),
    ],
    baseDir,
  )
  return { policy, sources }
}

/** The file's policy; `broken`: it exists but cannot be read or is not JSON. */
function readPolicyFile(file: string): { policy: Policy; issues: Issue[]; found: boolean; broken?: true } {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') return { policy: {}, issues: [], found: false }
    const message = `cannot be read (${String(code ?? 'error')})`
    return { policy: {}, issues: [{ path: '(file)', message }], found: true, broken: true }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return { policy: {}, issues: [{ path: '(root)', message: 'is not valid JSON' }], found: true, broken: true }
  }
  return { ...parsePolicy(raw), found: true }
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
