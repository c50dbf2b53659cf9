import type { MicAnswer, MicChoice, MicState } from '../../../../shared/mic'
import { knownMicApp, micAppName } from '../../../../shared/mic-apps'
import { AppError } from '../../../../shared/result'
import type { Settings } from '../../../../shared/settings'
import type { CallSource, CallSourceContext, CallSourceStatus } from '../call-source'
import { MicCallTracker, type MicQuestion } from '../mic/mic-call-tracker'
import type { MicActivityMonitor, MicMonitorStatus } from '../mic/monitor'

export interface MicrophoneSourceOptions {
  /** This system's monitor; null where CalmDeck has none (said so in Settings). */
  monitor: () => MicActivityMonitor | null
  /** The state the window shows changed (status, question, who holds the microphone). */
  onState?: (state: MicState) => void
  /** Keeps the user's answer for an app (in Settings). */
  remember?: (app: string, choice: MicChoice) => void
  /** Delays in milliseconds instead of Settings' seconds (tests and benchmarks). */
  delaysMs?: { start: number; release: number }
  now?: () => number
  /**
   * CalmDeck's own processes (the desktop app's renderer and audio service): their capture is the
   * live cues' own listening, never a phone, so it is not reported.
   */
  ownPids?: () => readonly number[]
}

/** The id of every call this source opens starts with this (to recognise it after a restart). */
export const MIC_CALL_PREFIX = 'microphone:'

/**
 * Calls from any phone: a call while an app the user confirmed as their phone holds the
 * microphone (see `MicCallTracker`). Observes only which app has a capture device open, never
 * the sound. Off by default.
 */
export class MicrophoneSource implements CallSource {
  readonly id = 'microphone'
  readonly origins = ['microphone'] as const
  readonly offMessage = 'Calls from the microphone are turned off in CalmDeck’s settings.'
  private monitor: MicActivityMonitor | null = null
  private tracker: MicCallTracker | null = null
  private settings: Settings | null = null
  private monitorStatus: MicMonitorStatus = { state: 'waiting' }
  private question: MicQuestion | null = null
  private active: string[] = []
  /** The call this source opened or joined. */
  private callId: number | null = null
  private externalId: string | null = null
  private checkedOpenCall = false
  private readonly now: () => number

  constructor(
    private readonly context: CallSourceContext,
    private readonly options: MicrophoneSourceOptions,
  ) {
    this.now = options.now ?? Date.now
  }

  enabled(settings: Settings): boolean {
    return settings.micSource
  }

  start(settings: Settings): void {
    this.applySettings(settings)
  }

  applySettings(settings: Settings): void {
    this.settings = settings
    if (!this.enabled(settings)) {
      // Turned off: nothing would see the call it opened end any more, so that call ends now (one
      // it follows for another source goes on; `stop`, at quit, leaves it for the next start).
      if (this.tracker) {
        if (this.externalId?.startsWith(MIC_CALL_PREFIX)) this.endCall(true)
        this.halt()
      }
      return
    }
    if (this.tracker) {
      this.tracker.reconsider()
      return
    }
    this.begin()
  }

  stop(): void {
    this.halt()
    this.settings = null
  }

  status(settings: Settings): CallSourceStatus {
    const state = this.state(settings)
    const mapped = { off: 'off', on: 'on', waiting: 'waiting', unsupported: 'error' } as const
    const status: CallSourceStatus = { id: this.id, state: mapped[state.status] }
    if (state.detail) status.detail = state.detail
    return status
  }

  /** What the window shows: whether it observes, the open question, who holds the microphone. */
  state(settings: Settings | null = this.settings): MicState {
    const prompt = this.question && this.promptFor(this.question)
    if (!settings || !this.enabled(settings)) return { status: 'off', prompt: null, active: [] }
    return { status: this.monitorStatus.state, detail: this.monitorStatus.detail, prompt, active: this.active }
  }

  /** The user answered a question in the window. */
  answer({ kind, app, answer }: MicAnswer): MicState {
    if (!this.tracker) throw new AppError('unavailable', this.offMessage)
    this.tracker.answer(kind, app, answer)
    if (kind === 'phone' && answer !== 'later') this.options.remember?.(app, answer === 'yes' ? 'phone' : 'not-phone')
    return this.state()
  }

  private begin(): void {
    this.monitor = this.options.monitor()
    this.checkedOpenCall = false
    if (!this.monitor) {
      this.monitorStatus = { state: 'unsupported', detail: `no microphone monitor for ${process.platform}` }
      this.publish()
      return
    }
    this.monitorStatus = { state: 'waiting' }
    const tracker = new MicCallTracker({
      config: () => this.config(),
      now: this.now,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
      startCall: (app) => this.startCall(app),
      endCall: () => this.endCall(),
      onQuestion: (question) => {
        this.question = question
        this.publish()
      },
    })
    this.tracker = tracker
    this.monitor.start({
      onChange: (allChanges, allCurrent) => {
        const own = new Set(this.options.ownPids?.() ?? [])
        const theirs = (use: { pid: number | null }) => use.pid === null || !own.has(use.pid)
        const changes = allChanges.filter(theirs)
        this.active = [...new Set(allCurrent.filter(theirs).map((use) => use.app))]
        if (changes.length > 0) tracker.change(changes)
        this.publish()
      },
      onStatus: (status) => {
        const changed = status.state !== this.monitorStatus.state || status.detail !== this.monitorStatus.detail
        this.monitorStatus = status
        if (status.state === 'on' && !this.checkedOpenCall) {
          this.checkedOpenCall = true
          this.checkOpenCall(tracker)
        }
        if (changed) this.publish()
      },
    })
    this.publish()
  }

  private halt(): void {
    this.monitor?.stop()
    this.tracker?.stop()
    this.monitor = this.tracker = null
    this.question = null
    this.active = []
    this.callId = this.externalId = null
    this.publish()
  }

  private config() {
    const settings = this.settings
    return {
      startMs: this.options.delaysMs?.start ?? (settings?.micStartSeconds ?? 3) * 1000,
      releaseMs: this.options.delaysMs?.release ?? (settings?.micReleaseSeconds ?? 5) * 1000,
      mode: settings?.micMode ?? 'auto',
      choices: settings?.micApps ?? {},
    }
  }

  /**
   * A call of this source still open from before a restart: kept if a phone holds the microphone
   * now, ended otherwise.
   */
  private checkOpenCall(tracker: MicCallTracker): void {
    const open = this.context.openCall()
    if (!open?.externalId?.startsWith(MIC_CALL_PREFIX)) return
    if (this.phoneHolding()) {
      this.callId = open.id
      this.externalId = open.externalId
      tracker.adoptCall()
      return
    }
    this.send('ended', open.externalId)
  }

  private phoneHolding(): boolean {
    const choices = this.config().choices
    return this.active.some((app) => choices[app] === 'phone')
  }

  private startCall(app: string): void {
    const open = this.context.openCall()
    // Another source (baresip, a hook) already reported this call: follow it, open nothing.
    if (open && open.source === 'integration') {
      this.callId = open.id
      this.externalId = open.externalId
      return
    }
    const externalId = `${MIC_CALL_PREFIX}${app.slice(0, 100)}:${this.now()}`
    const outcome = this.send('answered', externalId)
    this.callId = outcome?.callId ?? null
    this.externalId = externalId
  }

  /** `turningOff`: the source is being turned off (its events are refused from then on). */
  private endCall(turningOff = false): void {
    const open = this.context.openCall()
    if (open && open.id === this.callId) this.send('ended', open.externalId ?? this.externalId ?? undefined, turningOff)
    this.callId = this.externalId = null
  }

  private send(type: 'answered' | 'ended', externalId: string | undefined, turningOff = false) {
    try {
      if (turningOff) return this.context.endOnTurningOff(externalId, 'microphone')
      return this.context.receive({ type, externalId }, 'microphone')
    } catch (error) {
      this.context.log(`microphone event not recorded: ${error instanceof Error ? error.name : typeof error}`)
      return null
    }
  }

  private promptFor(question: MicQuestion): MicState['prompt'] {
    const name = micAppName(question.app)
    if (question.kind === 'log-call') return { kind: 'log-call', app: question.app, name }
    return { kind: 'phone', app: question.app, name, browser: knownMicApp(question.app)?.kind === 'browser' }
  }

  private publish(): void {
    this.options.onState?.(this.state())
  }
}
