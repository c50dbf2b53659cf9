import fs from 'node:fs'
import path from 'node:path'
import { parsePolicy } from '../../../shared/policy'
import { ManagedPolicy } from './managed-policy'

/** The machine-wide policy file for this OS (IT installs it; agents cannot write there). */
export function defaultPolicyFile(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string {
  if (platform === 'win32') return path.win32.join(env.ProgramData ?? 'C:\\ProgramData', 'CalmDeck', 'policy.json')
  if (platform === 'darwin') return '/Library/Application Support/CalmDeck/policy.json'
  return '/etc/calmdeck/policy.json'
}

/**
 * Reads a policy file. A missing file is no policy; an unreadable or malformed one is reported
 * as an issue (the valid entries still apply). Never throws.
 */
export function loadPolicyFile(file: string): ManagedPolicy {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (code === 'ENOENT') return new ManagedPolicy()
    return new ManagedPolicy({}, [{ path: '(file)', message: `cannot be read (${String(code ?? 'error')})` }])
  }
  let raw: unknown
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    return new ManagedPolicy({}, [{ path: '(root)', message: 'is not valid JSON' }])
  }
  const { policy, issues } = parsePolicy(raw)
  return new ManagedPolicy(policy, issues)
}
