import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { parseSourceOutputs } from '../../electron/services/integrations/mic/pactl-parse'
import { tempDir } from './temp-dir'
import { waitFor } from './wait-for'

/** The dialogues' raw format: mono 16 kHz s16le. */
const PACAT_FORMAT = ['--format=s16le', '--rate=16000', '--channels=1']

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
    // A null sink with no stream in it renders up to 2 s ahead in one block, and its monitor hands
    // that block on at once: audio played then reaches the recorder seconds late, and the lag
    // grows with every capture reopened (measured: 1.4–1.7 s on the first tone, ~1 s more per call).
    // A sound card plays in small periods; a silent low-latency stream into each party keeps the
    // null sink doing the same (measured: ~135 ms from pacat's start to the worklet, every time).
    for (const sink of ['caller', 'agent']) {
      this.spawnTracked('pacat', ['-p', '-d', sink, ...PACAT_FORMAT, '--latency-msec=20', '/dev/zero'])
    }
  }

  /**
   * Plays a mono 16 kHz s16le file into `sink` with pacat; resolves when pacat has played it all
   * and exited (it drains before exiting), rejects if pacat fails.
   */
  play(sink: string, rawFile: string): Promise<void> {
    const child = this.spawnTracked('pacat', ['-p', '-d', sink, ...PACAT_FORMAT, '--latency-msec=40', rawFile])
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return new Promise((resolve, reject) => {
      child.once('error', reject)
      child.once('close', (code) => {
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

  /** Capture streams Chromium has open on this sound server now (the remaps' own streams aside). */
  browserCaptures(): number {
    const listed = spawnSync('pactl', ['list', 'source-outputs'], { env: this.env, encoding: 'utf8', timeout: 3_000 })
    return parseSourceOutputs(listed.stdout ?? '').filter((output) =>
      /chrom/i.test(output.props.get('application.process.binary') ?? ''),
    ).length
  }

  async dispose(): Promise<void> {
    await this.stop().catch(() => {})
    this.cleanup()
  }

  /** A pacat (or parecord) of this test, ended on stop; its stderr is piped for the error message. */
  private spawnTracked(tool: string, args: string[]): ChildProcess {
    const child = spawn(tool, args, { env: this.env, stdio: ['ignore', 'ignore', 'pipe'] })
    this.recorders.add(child)
    child.once('close', () => this.recorders.delete(child))
    return child
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
