import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import { diffUses, uniqueUses, type MicActivityMonitor, type MicMonitorListener, type MicUse } from './monitor'
import { isCaptureEvent, pulseMicUses } from './pactl-parse'

export interface PulseMonitorOptions {
  /** The pactl program (tests may pass another path). */
  pactl?: string
  /** Environment for pactl (e.g. a test's XDG_RUNTIME_DIR); this process's by default. */
  env?: NodeJS.ProcessEnv
  /** Reconnect delays after the sound server went away. */
  initialDelayMs?: number
  maxDelayMs?: number
  log?: (line: string) => void
}

const LIST_TIMEOUT_MS = 3_000

/**
 * Linux (PulseAudio, or PipeWire's pulse server): `pactl subscribe` says when capture streams
 * come and go; each time, `pactl list` tells which apps record from a real input. No polling:
 * idle, it costs one sleeping pactl process. When the server stops, pactl exits and this
 * reconnects with a growing delay.
 */
export class PulseMicMonitor implements MicActivityMonitor {
  private listener: MicMonitorListener | null = null
  private child: ChildProcess | null = null
  private uses: MicUse[] = []
  private retry: NodeJS.Timeout | null = null
  private settle: NodeJS.Timeout | null = null
  private delayMs: number
  private looking = false
  private lookAgain = false
  private readonly pactl: string
  private readonly env: NodeJS.ProcessEnv

  constructor(private readonly options: PulseMonitorOptions = {}) {
    this.pactl = options.pactl ?? 'pactl'
    this.env = { ...(options.env ?? process.env), LC_ALL: 'C', LANG: 'C' }
    this.delayMs = options.initialDelayMs ?? 250
  }

  start(listener: MicMonitorListener): void {
    this.listener = listener
    this.connect()
  }

  stop(): void {
    this.listener = null
    if (this.retry) clearTimeout(this.retry)
    if (this.settle) clearTimeout(this.settle)
    this.retry = this.settle = null
    this.child?.kill()
    this.child = null
  }

  private connect(): void {
    if (!this.listener) return
    const child = spawn(this.pactl, ['subscribe'], { env: this.env, stdio: ['ignore', 'pipe', 'ignore'] })
    this.child = child
    let failed: string | null = null
    child.on('error', (error: NodeJS.ErrnoException) => {
      failed = error.code === 'ENOENT' ? 'pactl not found' : `pactl failed (${error.code ?? error.name})`
    })
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (isCaptureEvent(line)) this.look()
    })
    child.on('close', () => {
      if (this.child !== child) return
      this.child = null
      this.disconnected(failed ?? 'sound server not reachable')
    })
    this.look()
    // A stream that opened while pactl was still subscribing is caught by a second look.
    this.settle = setTimeout(() => this.look(), 500)
  }

  private disconnected(detail: string): void {
    if (!this.listener) return
    this.publish([])
    this.listener.onStatus({ state: detail === 'pactl not found' ? 'unsupported' : 'waiting', detail })
    this.options.log?.(`microphone: ${detail}, retrying`)
    this.retry = setTimeout(() => {
      this.retry = null
      this.connect()
    }, this.delayMs)
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 5_000)
  }

  /** Reads who records now; one look at a time, and one more if events came meanwhile. */
  private look(): void {
    if (this.looking) {
      this.lookAgain = true
      return
    }
    this.looking = true
    void this.read()
      .then((uses) => {
        if (!this.listener || !this.child) return
        this.delayMs = this.options.initialDelayMs ?? 250
        this.publish(uses)
        this.listener.onStatus({ state: 'on', detail: 'pactl subscribe' })
      })
      .catch(() => {
        // The server is gone or not up yet: `pactl subscribe` exits too, and that reconnects.
      })
      .finally(() => {
        this.looking = false
        if (this.lookAgain) {
          this.lookAgain = false
          this.look()
        }
      })
  }

  private async read(): Promise<MicUse[]> {
    const [sources, outputs] = await Promise.all([
      this.run(['list', 'short', 'sources']),
      this.run(['list', 'source-outputs']),
    ])
    return uniqueUses(pulseMicUses(sources, outputs))
  }

  private run(args: string[]): Promise<string> {
    return new Promise((resolve, reject) => {
      execFile(this.pactl, args, { env: this.env, timeout: LIST_TIMEOUT_MS, maxBuffer: 4 << 20 }, (error, stdout) =>
        error ? reject(error) : resolve(stdout),
      )
    })
  }

  private publish(uses: MicUse[]): void {
    const changes = diffUses(this.uses, uses)
    this.uses = uses
    if (changes.length > 0) this.listener?.onChange(changes, uses)
  }
}
