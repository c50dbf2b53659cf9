import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { diffUses, uniqueUses, type MicActivityMonitor, type MicMonitorListener, type MicUse } from './monitor'
import { parseSessionLine } from './windows-sessions-parse'
import { windowsMicUses } from './windows-parse'

const CONSENT_KEY =
  'HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\CapabilityAccessManager\\ConsentStore\\microphone'

export interface WindowsMonitorOptions {
  /**
   * The Core Audio reader: by default Windows PowerShell running `resources/mic/capture-sessions.ps1`
   * (null: no script found, registry only). Tests pass another program printing the same lines.
   */
  sessions?: { file: string; args: string[] } | null
  /** How often the registry is read in the fallback (it has no change event without native code). */
  intervalMs?: number
  log?: (line: string) => void
}

/** The PowerShell command line for the shipped script. */
export function powershellSessions(script: string): { file: string; args: string[] } {
  return {
    file: 'powershell.exe',
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-File', script],
  }
}

/**
 * Windows: Core Audio capture sessions on every capture endpoint (a PowerShell script with inline
 * C#, one JSON line per change; parsed in `windows-sessions-parse.ts`). When that cannot run or
 * reports an error, it falls back to the CapabilityAccessManager record (`reg query` and
 * `tasklist` every 2 s, parsed in `windows-parse.ts`), which recent Windows 11 builds no longer
 * update live. Neither path has run on Windows yet (see README).
 */
export class WindowsMicMonitor implements MicActivityMonitor {
  private timer: NodeJS.Timeout | null = null
  private child: ChildProcess | null = null
  private uses: MicUse[] = []
  private listener: MicMonitorListener | null = null

  constructor(private readonly options: WindowsMonitorOptions = {}) {}

  start(listener: MicMonitorListener): void {
    this.listener = listener
    if (this.options.sessions) this.startSessions(this.options.sessions)
    else this.fallBack('no Core Audio script')
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.child?.kill()
    this.child = null
    this.listener = null
  }

  private startSessions(command: { file: string; args: string[] }): void {
    const child = spawn(command.file, command.args, { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true })
    this.child = child
    child.on('error', () => {}) // 'close' follows and falls back
    createInterface({ input: child.stdout }).on('line', (text) => {
      if (this.child !== child) return
      const report = parseSessionLine(text)
      if (!report) return
      if (!report.ok) {
        this.quit(child)
        this.fallBack(`Core Audio failed (${report.error})`)
        return
      }
      this.publish(uniqueUses(report.uses))
      this.listener?.onStatus({ state: 'on', detail: 'Core Audio sessions' })
    })
    child.on('close', () => {
      if (this.child !== child) return
      this.child = null
      this.fallBack('Core Audio reader stopped')
    })
  }

  private quit(child: ChildProcess): void {
    this.child = null
    child.kill()
  }

  /** From now on the registry, every `intervalMs`. */
  private fallBack(why: string): void {
    if (!this.listener || this.timer) return
    this.options.log?.(`microphone: ${why}, reading the registry instead`)
    void this.look()
    this.timer = setInterval(() => void this.look(), this.options.intervalMs ?? 2_000)
  }

  private async look(): Promise<void> {
    try {
      const [consent, tasks] = await Promise.all([
        run('reg', ['query', CONSENT_KEY, '/s']),
        run('tasklist', ['/fo', 'csv', '/nh']),
      ])
      this.publish(uniqueUses(windowsMicUses(consent, tasks)))
      this.listener?.onStatus({ state: 'on', detail: 'CapabilityAccessManager' })
    } catch (error) {
      this.listener?.onStatus({ state: 'waiting', detail: `registry not readable (${(error as Error).name})` })
    }
  }

  private publish(uses: MicUse[]): void {
    const changes = diffUses(this.uses, uses)
    this.uses = uses
    if (changes.length > 0) this.listener?.onChange(changes, uses)
  }
}

function run(file: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 5_000, windowsHide: true, maxBuffer: 8 << 20 }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    )
  })
}
