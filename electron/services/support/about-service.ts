import type { AboutInfo } from '../../../shared/about'

/** Opens a folder in the system's file manager (desktop: `shell.openPath`). */
export type FolderOpener = (folder: string) => Promise<boolean>

export interface AboutServiceDeps {
  version: string
  dataDir: string
  /** Versions of the runtime parts, e.g. `process.versions` plus SQLite's. */
  versions: Record<string, string>
  /** None in the browser. */
  openFolder: FolderOpener | null
}

/** The runtime versions worth naming to support (from `process.versions`). */
const RUNTIME_PARTS = ['node', 'electron', 'chrome', 'v8', 'modules'] as const

export function runtimeVersions(versions: NodeJS.ProcessVersions, sqlite: string): Record<string, string> {
  const named: Record<string, string> = {}
  for (const part of RUNTIME_PARTS) {
    const version = (versions as Record<string, string | undefined>)[part]
    if (version) named[part] = version
  }
  named.sqlite = sqlite
  return named
}

/** Settings → About & privacy: version, data folder (and opening it), runtime versions. */
export class AboutService {
  constructor(private readonly deps: AboutServiceDeps) {}

  get(): AboutInfo {
    const { version, dataDir, versions, openFolder } = this.deps
    return { version, versions: { ...versions }, dataDir, canOpenDataDir: openFolder !== null }
  }

  /** Only ever the data folder: the window cannot name another path. */
  async openDataDir(): Promise<{ opened: boolean }> {
    if (!this.deps.openFolder) return { opened: false }
    return { opened: await this.deps.openFolder(this.deps.dataDir) }
  }
}
