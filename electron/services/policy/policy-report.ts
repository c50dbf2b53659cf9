import type { Policy } from '../../../shared/policy'
import type { Issue } from '../../../shared/result'
import { maskEndpointUrl } from '../team/endpoint-url'
import type { ManagedPolicy } from './managed-policy'
import type { PolicySources } from './policy-file'
import { POLICY_SUBKEYS } from './registry-policy'

/** One entry of the policy in force: where it came from and whether the agent can change it. */
export interface PolicyReportEntry {
  /** As in policy.json: `locked.theme`, `defaults.recoveryMinutes`, `microphoneApps.zoom.exe`, `retentionDays`. */
  path: string
  /** The value that applies (the team channel's URL and secret masked). */
  value: unknown
  /** The policy file's path, or the registry key the value is in. */
  source: string
  /** The agent cannot change it (everything but `defaults`). */
  locked: boolean
}

/** What `calmdeck policy` prints: like chrome://policy, for IT to check a deployment. */
export interface PolicyReport {
  sources: { kind: 'file' | 'registry'; source: string; found: boolean }[]
  entries: PolicyReportEntry[]
  /** Settings the agent cannot change (with `teamFolder` and `retentionDays`). */
  locked: string[]
  /** Apps whose "Is it your phone?" answer IT set. */
  microphoneApps: string[]
  teamChannel: boolean
  deck: boolean
  /** Every problem with its path; the valid entries still apply. */
  problems: Issue[]
}

const groups = Object.keys(POLICY_SUBKEYS) as (keyof typeof POLICY_SUBKEYS)[]

/** The policy in force (`policy`, merged from `sources`) as the report IT reads. */
export function policyReport(policy: ManagedPolicy, sources: PolicySources): PolicyReport {
  const fromRegistry = new Set(sources.registry ? flatten(sources.registry.policy).map(([path]) => path) : [])
  const registryKey = sources.registry?.key ?? ''
  const entries = flatten(policy.values).map(([path, value, group]): PolicyReportEntry => {
    const source = !fromRegistry.has(path)
      ? sources.file.path
      : group === undefined
        ? registryKey
        : `${registryKey}\\${POLICY_SUBKEYS[group]}`
    return { path, value: shown(path, value), source, locked: group !== 'defaults' }
  })
  const view = policy.view()
  return {
    sources: [
      { kind: 'file', source: sources.file.path, found: sources.file.found },
      ...(sources.registry ? [{ kind: 'registry' as const, source: registryKey, found: sources.registry.found }] : []),
    ],
    entries: entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    locked: view.locked,
    microphoneApps: view.micApps,
    teamChannel: view.teamChannel,
    deck: view.deck,
    problems: view.issues,
  }
}

/** The policy's entries as `mergePolicies` weighs them: each setting and app on its own, the rest whole. */
function flatten(policy: Policy): [path: string, value: unknown, group?: keyof typeof POLICY_SUBKEYS][] {
  const out: [string, unknown, (keyof typeof POLICY_SUBKEYS)?][] = []
  for (const [key, value] of Object.entries(policy)) {
    const group = groups.find((name) => name === key)
    if (group === undefined) out.push([key, value])
    else for (const [name, entry] of Object.entries(value as object)) out.push([`${group}.${name}`, entry, group])
  }
  return out
}

/** The team channel's URL and secret are secrets: the URL without its path, the secret not at all. */
function shown(path: string, value: unknown): unknown {
  if (path === 'teamChannelUrl' && typeof value === 'string') return maskEndpointUrl(value)
  if (path === 'teamChannelSecret') return '…'
  return value
}
