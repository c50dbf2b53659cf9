import { loadCoreAudio, type CoreAudioReader } from './mac-coreaudio'
import { diffUses, uniqueUses, type MicActivityMonitor, type MicMonitorListener, type MicUse } from './monitor'

export interface MacMonitorOptions {
  /** The CoreAudio reader (tests pass one over the stand-in library). */
  reader?: () => Promise<CoreAudioReader>
  /** How often the properties are read (CoreAudio's change listeners would need a native thread). */
  intervalMs?: number
  /** CalmDeck's own process, never reported. */
  ownPid?: number
  log?: (line: string) => void
}

/**
 * The app id for a process: its bundle id with a browser's or Electron app's helper suffix taken
 * off (WebRTC runs in `com.google.Chrome.helper`, which the user knows as Chrome), else the
 * executable's name.
 */
export function macAppId(process: { bundleId: string | null; name: string | null; pid: number }): string {
  if (process.bundleId) return process.bundleId.replace(/\.helper(\.[a-z]+)?$/i, '')
  return process.name ?? `pid ${process.pid}`
}

/**
 * macOS: which processes have the microphone open. On macOS 14.2+ the CoreAudio process objects
 * (running input, per pid and bundle id); before that, only that an input device runs somewhere,
 * reported under the device's name with no pid. Read every `intervalMs`; a process object's pid
 * and bundle id are read once and kept while the object exists. Never run on a Mac yet.
 */
export class MacMicMonitor implements MicActivityMonitor {
  private timer: NodeJS.Timeout | null = null
  private reader: CoreAudioReader | null = null
  private listener: MicMonitorListener | null = null
  private uses: MicUse[] = []
  private readonly known = new Map<number, MicUse | null>()
  private detail = ''

  constructor(private readonly options: MacMonitorOptions = {}) {}

  start(listener: MicMonitorListener): void {
    this.listener = listener
    void (this.options.reader ?? loadCoreAudio)().then(
      (reader) => {
        if (this.listener !== listener) return // stopped meanwhile
        this.reader = reader
        this.look()
        this.timer = setInterval(() => this.look(), this.options.intervalMs ?? 500)
      },
      (error: unknown) => {
        const name = error instanceof Error ? error.name : 'error'
        this.options.log?.(`microphone: CoreAudio could not be loaded (${name})`)
        if (this.listener === listener)
          listener.onStatus({ state: 'unsupported', detail: `CoreAudio could not be loaded (${name})` })
      },
    )
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    this.listener = null
    this.reader = null
    this.known.clear()
    this.uses = []
  }

  private look(): void {
    const reader = this.reader
    if (!reader || !this.listener) return
    try {
      const objects = reader.processObjects()
      const uses = objects ? this.processUses(reader, objects) : this.deviceUses(reader)
      const detail = objects ? 'CoreAudio processes' : 'CoreAudio input devices (macOS before 14.2 names no app)'
      const changes = diffUses(this.uses, uses)
      this.uses = uses
      if (changes.length > 0) this.listener.onChange(changes, uses)
      if (detail !== this.detail) this.listener.onStatus({ state: 'on', detail })
      this.detail = detail
    } catch (error) {
      this.detail = ''
      this.listener.onStatus({ state: 'waiting', detail: `CoreAudio not readable (${(error as Error).name})` })
    }
  }

  private processUses(reader: CoreAudioReader, objects: number[]): MicUse[] {
    for (const object of this.known.keys()) if (!objects.includes(object)) this.known.delete(object)
    const uses: MicUse[] = []
    for (const object of objects) {
      if (!this.known.has(object)) {
        const process = reader.process(object)
        const own = process?.pid === (this.options.ownPid ?? globalThis.process.pid)
        this.known.set(object, process && !own ? { app: macAppId(process), pid: process.pid } : null)
      }
      const use = this.known.get(object)
      if (use && reader.runningInput(object) === true) uses.push(use)
    }
    return uniqueUses(uses)
  }

  private deviceUses(reader: CoreAudioReader): MicUse[] {
    const running = reader.inputDevices().filter((device) => device.runningSomewhere)
    return uniqueUses(running.map((device) => ({ app: device.name, pid: null })))
  }
}
