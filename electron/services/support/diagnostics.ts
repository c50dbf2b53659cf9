import type { AboutInfo } from '../../../shared/about'
import type { Settings } from '../../../shared/settings'
import type { CallSourceStatus } from '../integrations/call-source'
import type { ErrorRecord } from './error-ring'

export interface DiagnosticsDeps {
  about: () => AboutInfo
  host: 'electron' | 'web'
  platform: string
  settings: () => Settings
  integrations: () => CallSourceStatus[]
  errors: () => ErrorRecord[]
  /** Database facts without content: schema version, row counts. */
  storage: () => Record<string, number>
  now: () => number
  /** The user's home folder, replaced by `~` in paths (it usually holds their name). */
  home: string
}

/** Setting names whose values are secrets: shown only as set or not set. */
const SECRET_KEY = /secret|token|password|credential|apikey/i

/**
 * The Diagnostics file for IT support: versions, settings with secrets masked, the softphone
 * connections' states and recent error names. It holds no notes, caller numbers or names: it reads
 * no note or call content at all, paths lose the home folder, and URLs keep only their origin.
 */
export function buildDiagnostics(deps: DiagnosticsDeps): { fileName: string; text: string } {
  const about = deps.about()
  const report = {
    format: 'calmdeck.diagnostics',
    createdAt: new Date(deps.now()).toISOString(),
    version: about.version,
    host: deps.host,
    platform: deps.platform,
    versions: about.versions,
    dataDir: maskPath(about.dataDir, deps.home),
    storage: deps.storage(),
    settings: maskSettings(deps.settings(), deps.home),
    integrations: deps.integrations(),
    recentErrors: deps.errors().map((error) => ({ ...error, at: new Date(error.at).toISOString() })),
  }
  const stamp = report.createdAt.slice(0, 19).replace(/[:T]/g, '-')
  return { fileName: `calmdeck-diagnostics-${stamp}.json`, text: JSON.stringify(report, null, 2) + '\n' }
}

/** Settings as support may see them: secrets as `[set]`/`[not set]`, no home folder, URL origins only. */
export function maskSettings(settings: Settings, home: string): Record<string, unknown> {
  const masked: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(settings)) masked[key] = maskValue(key, value, home)
  return masked
}

function maskValue(key: string, value: unknown, home: string): unknown {
  if (SECRET_KEY.test(key)) return value === '' || value === null || value === undefined ? '[not set]' : '[set]'
  if (typeof value === 'string') return /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? maskUrl(value) : maskPath(value, home)
  if (Array.isArray(value)) return value.map((item) => maskValue(key, item, home))
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, maskValue(name, item, home)]))
  }
  return value
}

function maskUrl(value: string): string {
  try {
    return `${new URL(value).origin}/…`
  } catch {
    return '[url]'
  }
}

function maskPath(value: string, home: string): string {
  return home && value.startsWith(home) ? '~' + value.slice(home.length) : value
}
