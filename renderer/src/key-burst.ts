/** This many letters within `BURST_WINDOW_MS` are typing, not commands. */
export const BURST_KEYS = 3
/** How long a single key's action is held to see whether more letters follow. */
export const BURST_WINDOW_MS = 300
/** Typing that pauses this long is over: keys are commands again (the typed text is kept). */
export const BURST_QUIET_MS = 1000

/** The timers the detector uses; tests pass fake ones. */
export interface BurstTimers {
  setTimeout(run: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

export interface KeyBurstOptions<A> {
  /** Carries out a key's action: at once for keys that are never typing, after the window for letters. */
  perform: (action: A) => void
  /** A burst began: open a note, which then `take()`s the typed text. */
  startNote: () => void
  timers?: BurstTimers
}

/** Keys that say nothing on their own (pressed on the way to a capital or an accent). */
const SILENT_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'CapsLock',
  'Dead',
  'Process',
  'Unidentified',
])

/** What a key adds to typed text, or null: a printable character, or a new line for Enter. */
function typedText(key: string, typing: boolean): string | null {
  if ([...key].length === 1) return key
  return typing && key === 'Enter' ? '\n' : null
}

/** A letter or digit: what a sentence (and a burst) can start with. */
const startsTyping = (text: string) => /^[\p{L}\p{N}]$/u.test(text)

/**
 * Tells typing from commands for keys pressed outside a text field. A letter or digit is held for
 * `BURST_WINDOW_MS`: if `BURST_KEYS` letters arrive within it, it is typing — no held action is
 * carried out (so never a help request), a note is started and gets every letter typed until it
 * takes them; otherwise the held actions are carried out in order. Other keys (arrows, Esc) act
 * at once, after whatever was held. Pure logic with injectable timers: no DOM.
 */
export class KeyBurst<A> {
  private mode: 'idle' | 'held' | 'typing' = 'idle'
  private held: { text: string; action: A | null }[] = []
  private text = ''
  private timer: unknown = undefined
  private readonly timers: BurstTimers

  constructor(private readonly options: KeyBurstOptions<A>) {
    this.timers = options.timers ?? {
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    }
  }

  /**
   * A key pressed outside a text field, with the action it maps to (or null). Returns true when
   * the key was taken (held, typed or acted on): the caller then prevents its default.
   */
  press(key: string, action: A | null, repeat = false): boolean {
    if (SILENT_KEYS.has(key)) return false
    const typed = typedText(key, this.mode === 'typing')
    if (this.mode === 'typing') {
      if (typed !== null || key === 'Backspace') {
        this.text = typed !== null ? this.text + typed : [...this.text].slice(0, -1).join('')
        this.wait(BURST_QUIET_MS, () => (this.mode = 'idle'))
        return true
      }
      this.stop()
    } else if (this.mode === 'held') {
      if (typed !== null) {
        if (!repeat) this.hold(typed, action)
        return true
      }
      this.settle()
    }
    if (typed !== null && repeat) return true
    if (typed !== null && startsTyping(typed)) {
      this.mode = 'held'
      this.hold(typed, action)
      return true
    }
    if (action === null) return false
    this.options.perform(action)
    return true
  }

  /** The letters typed so far, for the note that opened; typing goes on in its field. */
  take(): string {
    const text = this.text
    this.text = ''
    if (this.mode === 'typing') this.stop()
    return text
  }

  /** Forgets held keys and timers (the window is going away). */
  dispose(): void {
    this.stop()
    this.held = []
  }

  private hold(text: string, action: A | null): void {
    this.held.push({ text, action })
    if (this.held.length === 1) this.wait(BURST_WINDOW_MS, () => this.settle())
    if (this.held.length < BURST_KEYS) return
    this.text += this.held.map((key) => key.text).join('')
    this.held = []
    this.mode = 'typing'
    this.wait(BURST_QUIET_MS, () => (this.mode = 'idle'))
    this.options.startNote()
  }

  /** No burst followed: the held keys act, in the order pressed. */
  private settle(): void {
    const held = this.held
    this.stop()
    this.held = []
    for (const key of held) if (key.action !== null) this.options.perform(key.action)
  }

  private stop(): void {
    this.timers.clearTimeout(this.timer)
    this.timer = undefined
    this.mode = 'idle'
  }

  private wait(ms: number, then: () => void): void {
    this.timers.clearTimeout(this.timer)
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined
      then()
    }, ms)
  }
}
