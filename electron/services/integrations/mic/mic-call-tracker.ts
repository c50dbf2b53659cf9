import type { MicChoice, MicMode } from '../../../../shared/mic-apps'
import type { MicChange } from './monitor'

export interface MicTrackerConfig {
  startMs: number
  releaseMs: number
  mode: MicMode
  choices: Readonly<Record<string, MicChoice>>
}

export interface MicTrackerDeps {
  config: () => MicTrackerConfig
  now: () => number
  setTimer: (run: () => void, ms: number) => unknown
  clearTimer: (timer: unknown) => void
  /** The phone held the microphone long enough (mode `auto`, or the user said yes): open a call. */
  startCall: (app: string) => void
  /** The phone released it for long enough: close the call this tracker opened. */
  endCall: () => void
  /** The open question changed (null: none). */
  onQuestion: (question: MicQuestion | null) => void
}

export type MicQuestion = { kind: 'phone'; app: string } | { kind: 'log-call'; app: string }

/**
 * From "who holds the microphone" to calls. A confirmed phone app holding it for `startMs` starts
 * a call (or, mode `ask`, asks "Log this as a call?"); every phone app releasing it for
 * `releaseMs` ends the call, so a hold or a mute-toggle in between keeps one call. An app never
 * answered for is asked about once ("Is it your phone?") while it holds the microphone; `later`
 * asks again the next time it opens it.
 */
export class MicCallTracker {
  /** App by process, for everyone holding the microphone now. */
  private readonly holders = new Map<string, { app: string; since: number }>()
  private phoneSince: number | null = null
  private inCall = false
  private startTimer: unknown = null
  private releaseTimer: unknown = null
  private question: MicQuestion | null = null
  /** Apps not asked about again until they release the microphone. */
  private readonly quiet = new Set<string>()
  /** Apps whose "Log this as a call?" was answered no or later, until they release it. */
  private readonly declined = new Set<string>()

  constructor(private readonly deps: MicTrackerDeps) {}

  get calling(): boolean {
    return this.inCall
  }

  /** A call this tracker follows was opened elsewhere (or is still open from before a restart). */
  adoptCall(): void {
    this.inCall = true
    this.update()
  }

  /** The call was closed by something else: nothing to end any more. */
  forgetCall(): void {
    this.inCall = false
    if (this.releaseTimer !== null) this.deps.clearTimer(this.releaseTimer)
    this.releaseTimer = null
    this.update()
  }

  change(changes: readonly MicChange[]): void {
    for (const change of changes) {
      const id = `${change.app}\u0000${change.pid ?? ''}`
      if (change.active) this.holders.set(id, { app: change.app, since: this.deps.now() })
      else this.holders.delete(id)
    }
    for (const set of [this.quiet, this.declined]) for (const app of set) if (!this.holding(app)) set.delete(app)
    this.update()
  }

  /** Settings changed (choices, delays, mode). */
  reconsider(): void {
    this.update()
  }

  /** The user answered the question about `app`. */
  answer(kind: MicQuestion['kind'], app: string, answer: 'yes' | 'no' | 'later'): void {
    if (this.question?.app !== app || this.question.kind !== kind) return
    ;(kind === 'phone' ? this.quiet : this.declined).add(app)
    this.setQuestion(null)
    if (kind === 'log-call' && answer === 'yes' && !this.inCall) {
      this.inCall = true
      this.deps.startCall(app)
    }
    this.update()
  }

  stop(): void {
    for (const timer of [this.startTimer, this.releaseTimer]) if (timer !== null) this.deps.clearTimer(timer)
    this.startTimer = this.releaseTimer = null
    this.holders.clear()
    this.setQuestion(null)
  }

  private holding(app: string): boolean {
    for (const holder of this.holders.values()) if (holder.app === app) return true
    return false
  }

  /** The earliest-holding confirmed phone app, and since when. */
  private phone(): { app: string; since: number } | null {
    const { choices } = this.deps.config()
    let best: { app: string; since: number } | null = null
    for (const holder of this.holders.values()) {
      if (choices[holder.app] !== 'phone') continue
      if (!best || holder.since < best.since) best = holder
    }
    return best
  }

  private update(): void {
    const config = this.deps.config()
    const phone = this.phone()
    if (phone) {
      this.phoneSince ??= phone.since
      if (this.releaseTimer !== null) this.deps.clearTimer(this.releaseTimer)
      this.releaseTimer = null
      if (
        !this.inCall &&
        this.startTimer === null &&
        !this.declined.has(phone.app) &&
        this.question?.kind !== 'log-call'
      ) {
        const wait = Math.max(0, config.startMs - (this.deps.now() - this.phoneSince))
        this.startTimer = this.deps.setTimer(() => this.held(phone.app), wait)
      }
    } else {
      this.phoneSince = null
      if (this.startTimer !== null) this.deps.clearTimer(this.startTimer)
      this.startTimer = null
      if (this.question?.kind === 'log-call') this.setQuestion(null)
      if (this.inCall && this.releaseTimer === null) {
        this.releaseTimer = this.deps.setTimer(() => this.released(), config.releaseMs)
      }
    }
    this.askAboutNewApp(config)
  }

  private held(app: string): void {
    this.startTimer = null
    if (this.inCall || !this.phone()) return
    if (this.deps.config().mode === 'ask') {
      this.setQuestion({ kind: 'log-call', app })
      return
    }
    this.inCall = true
    this.deps.startCall(app)
  }

  private released(): void {
    this.releaseTimer = null
    if (!this.inCall || this.phone()) return
    this.inCall = false
    this.deps.endCall()
  }

  private askAboutNewApp(config: MicTrackerConfig): void {
    if (this.question?.kind === 'log-call') return
    if (this.question && this.holding(this.question.app) && config.choices[this.question.app] === undefined) return
    const unknown = [...this.holders.values()].find(
      (holder) => config.choices[holder.app] === undefined && !this.quiet.has(holder.app),
    )
    this.setQuestion(unknown ? { kind: 'phone', app: unknown.app } : null)
  }

  private setQuestion(question: MicQuestion | null): void {
    if (this.question?.kind === question?.kind && this.question?.app === question?.app) return
    this.question = question
    this.deps.onQuestion(question)
  }
}
