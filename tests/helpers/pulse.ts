import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { tempDir } from './temp-dir'
import { waitFor } from './wait-for'

/**
 * A private headless PulseAudio for a test: its own XDG_RUNTIME_DIR, a null sink (`nul`, whose
 * `nul.monitor` stands for a screen recorder) and a null source `mic` (the microphone); with
 * `startTwoParty()` also a caller and an agent for the cues. Needs
 * the Debian packages pulseaudio and pulseaudio-utils (`.ci/run` installs them); without them
 * the test fails, it does not skip. Every wait is bounded.
 */
export class TestPulse {
  readonly env: NodeJS.ProcessEnv
  private readonly cleanup: () => void
  /** Capture and playback streams this test opened (parecord, pacat), ended on stop. */
  private readonly recorders = new Set<ChildProcess>()

  constructor() {
    for (const tool of ['pulseaudio', 'pactl', 'parecord', 'pacat']) {
      if (!spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()) {
        throw new Error(`${tool} is not installed (Debian: apt-get install pulseaudio pulseaudio-utils)`)
      }
    }
    const { dir, cleanup } = tempDir('calmdeck-pulse-')
    fs.chmodSync(dir, 0o700)
    this.cleanup = cleanup
    this.env = { ...process.env, XDG_RUNTIME_DIR: dir, HOME: dir, LC_ALL: 'C' }
  }

  async start(): Promise<void> {
    const started = spawnSync(
      'pulseaudio',
      [
        '-D',
        '--exit-idle-time=-1',
        '-n',
        '--load=module-null-sink sink_name=nul',
        '--load=module-native-protocol-unix',
      ],
      { env: this.env, timeout: 10_000, encoding: 'utf8' },
    )
    if (started.status !== 0) throw new Error(`pulseaudio did not start: ${started.stderr}`)
    await this.until('pulseaudio answering', () => this.pactl('info') === 0)
    if (this.pactl('load-module', 'module-null-source', 'source_name=mic') !== 0) throw new Error('no null source')
  }

  /**
   * The two parties of a call for the cues: null sinks `caller` and `agent` (play each party into
   * its own), their monitors remapped as ordinary inputs `callerin` and `agentmic` (Chromium hides
   * monitor sources, crbug 931749, but lists a remapped one; its label is the source's name), and
   * `agentmic` the default input.
   */
  async startTwoParty(): Promise<void> {
    await this.start()
    for (const sink of ['caller', 'agent']) {
      if (this.pactl('load-module', 'module-null-sink', `sink_name=${sink}`) !== 0) throw new Error(`no sink ${sink}`)
    }
    for (const [source, sink] of [
      ['callerin', 'caller'],
      ['agentmic', 'agent'],
    ]) {
      // The description is what Chromium lists as the device's label.
      const loaded = this.pactl(
        'load-module',
        'module-remap-source',
        `master=${sink}.monitor`,
        `source_name=${source}`,
        `source_properties=device.description=${source}`,
      )
      if (loaded !== 0) {
        throw new Error(`no remapped source ${source}`)
      }
    }
    if (this.pactl('set-default-source', 'agentmic') !== 0) throw new Error('agentmic not made the default input')
  }

  /**
   * Plays a mono 16 kHz s16le file into `sink` with pacat; resolves when pacat has played it all
   * and exited (it drains before exiting), rejects if pacat fails.
   */
  play(sink: string, rawFile: string): Promise<void> {
    const child = spawn(
      'pacat',
      ['-p', '-d', sink, '--format=s16le', '--rate=16000', '--channels=1', '--latency-msec=40', rawFile],
      { env: this.env, stdio: ['ignore', 'ignore', 'pipe'] },
    )
    this.recorders.add(child)
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code) => {
        this.recorders.delete(child)
        if (code === 0) resolve()
        else reject(new Error(`pacat into ${sink} exited ${code}: ${stderr}`))
      })
    })
  }

  async stop(): Promise<void> {
    for (const recorder of this.recorders) recorder.kill()
    this.recorders.clear()
    spawnSync('pulseaudio', ['--kill'], { env: this.env, timeout: 5_000 })
    await this.until('pulseaudio gone', () => this.pactl('info') !== 0)
  }

  /** Opens a capture stream on `device` (`mic`, or `nul.monitor`) until the returned stop is called. */
  record(device: string): (() => Promise<void>) & { pid: number | undefined } {
    const child = spawn('parecord', [`--device=${device}`, '/dev/null'], { env: this.env, stdio: 'ignore' })
    this.recorders.add(child)
    return Object.assign(
      async () => {
        this.recorders.delete(child)
        if (child.exitCode !== null || child.signalCode !== null) return
        const closed = new Promise((resolve) => child.once('close', resolve))
        child.kill()
        await closed
      },
      { pid: child.pid },
    )
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => {})
    this.cleanup()
  }

  private pactl(...args: string[]): number | null {
    return spawnSync('pactl', args, { env: this.env, timeout: 3_000 }).status
  }

  private async until(what: string, check: () => boolean): Promise<void> {
    await waitFor(what, check)
  }
}

/** The one wait for a state; re-exported here for the tests that drive the sound server. */
export { waitFor }
