import { execFile } from 'node:child_process'
import { diffUses, uniqueUses, type MicActivityMonitor, type MicMonitorListener, type MicUse } from './monitor'
import { windowsMicUses } from './windows-parse'

const CONSENT_KEY =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\microphone'

export interface WindowsMonitorOptions {
  /** How often the registry is read (it has no change event without native code). */
  intervalMs?: number
  log?: (line: string) => void
}

/**
 * Windows: reads the CapabilityAccessManager record with `reg query` and checks the programs
 * still run with `tasklist`. A thin adapter; the parsing is in `windows-parse.ts`. Core Audio
 * capture sessions (needed on Windows 11 builds that stopped updating the record live) need
 * native code and are not done yet.
 */
export class WindowsMicMonitor implements MicActivityMonitor {
  private timer: NodeJS.Timeout | null = null
  private uses: MicUse[] = []
  private listener: MicMonitorListener | null = null

  constructor(private readonly options: WindowsMonitorOptions = {}) {}

  start(listener: MicMonitorListener): void {
    this.listener = listener
    void this.look()
    this.timer = setInterval(() => void this.look(), this.options.intervalMs ?? 2_000)
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.listener = null
  }

  private async look(): Promise<void> {
    try {
      const [consent, tasks] = await Promise.all([
        run('reg', ['query', CONSENT_KEY, '/s']),
        run('tasklist', ['/fo', 'csv', '/nh']),
      ])
      const uses = uniqueUses(windowsMicUses(consent, tasks))
      const changes = diffUses(this.uses, uses)
      this.uses = uses
      if (changes.length > 0) this.listener?.onChange(changes, uses)
      this.listener?.onStatus({ state: 'on', detail: 'CapabilityAccessManager' })
    } catch (error) {
      this.listener?.onStatus({ state: 'waiting', detail: `registry not readable (${(error as Error).name})` })
    }
  }
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 5_000, windowsHide: true, maxBuffer: 8 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    )
  })
}
