import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BURST_QUIET_MS, BURST_WINDOW_MS, KeyBurst } from '../../../renderer/src/key-burst'

/** The actions of the window's letters, as far as these tests need them. */
const ACTIONS: Record<string, string> = { e: 'call-end', w: 'recovery-start', g: 'help-request', c: 'call-start' }

function setup() {
  const performed: string[] = []
  let notesStarted = 0
  const burst = new KeyBurst<string>({
    perform: (action) => performed.push(action),
    startNote: () => (notesStarted += 1),
  })
  /** Presses `key` as the window would: its action is looked up the way keyboard.ts maps it. */
  const press = (key: string, repeat = false) => burst.press(key, ACTIONS[key.toLowerCase()] ?? null, repeat)
  const type = (text: string, msPerKey: number) => {
    for (const key of text) {
      press(key)
      vi.advanceTimersByTime(msPerKey)
    }
  }
  return { burst, press, type, performed, notesStarted: () => notesStarted }
}

describe('KeyBurst', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('holds a single letter for the window, then carries out its action', () => {
    const { press, performed } = setup()
    expect(press('e')).toBe(true)
    vi.advanceTimersByTime(BURST_WINDOW_MS - 1)
    expect(performed).toEqual([])
    vi.advanceTimersByTime(1)
    expect(performed).toEqual(['call-end'])
  })

  it('carries out two quick letters in order: two are commands, not typing', () => {
    const { press, performed, notesStarted } = setup()
    press('c')
    vi.advanceTimersByTime(20)
    press('g')
    vi.advanceTimersByTime(BURST_WINDOW_MS)
    expect(performed).toEqual(['call-start', 'help-request'])
    expect(notesStarted()).toBe(0)
  })

  it('three letters within the window are typing: no action, a note with every letter, help never asked', () => {
    const { burst, type, performed, notesStarted } = setup()
    type('gew', 30)
    expect(notesStarted()).toBe(1)
    vi.advanceTimersByTime(BURST_WINDOW_MS * 10)
    expect(performed).toEqual([])
    expect(burst.take()).toBe('gew')
  })

  it('keeps every letter of a sentence, spaces, capitals and a correction included, until the note takes them', () => {
    const { burst, type, press, performed, notesStarted } = setup()
    type('Went over the agreed wage', 30)
    press('Shift')
    press('!')
    press('x')
    press('Backspace')
    press('Enter')
    expect(performed).toEqual([])
    expect(notesStarted()).toBe(1)
    expect(burst.take()).toBe('Went over the agreed wage!\n')
    // The note has the text and the focus: later keys are no business of the detector.
    expect(burst.take()).toBe('')
  })

  it('letters more than the window apart are commands, each after its own window', () => {
    const { type, performed, notesStarted } = setup()
    type('ewg', BURST_WINDOW_MS + 10)
    expect(performed).toEqual(['call-end', 'recovery-start', 'help-request'])
    expect(notesStarted()).toBe(0)
  })

  it('a third letter just after the window starts anew: the first two act', () => {
    const { press, performed, notesStarted } = setup()
    press('c')
    vi.advanceTimersByTime(150)
    press('e')
    vi.advanceTimersByTime(BURST_WINDOW_MS - 150)
    expect(performed).toEqual(['call-start', 'call-end'])
    press('w')
    vi.advanceTimersByTime(BURST_WINDOW_MS)
    expect(performed).toEqual(['call-start', 'call-end', 'recovery-start'])
    expect(notesStarted()).toBe(0)
  })

  it('a key that is never typing (an arrow, Esc) acts at once, after what was held', () => {
    const { burst, press, performed } = setup()
    press('c')
    expect(burst.press('ArrowRight', 'next')).toBe(true)
    expect(performed).toEqual(['call-start', 'next'])
    vi.advanceTimersByTime(BURST_WINDOW_MS)
    expect(performed).toEqual(['call-start', 'next'])
  })

  it('leaves keys with nothing to do to the page: a space on a button, Tab, Shift', () => {
    const { press, performed } = setup()
    expect(press(' ')).toBe(false)
    expect(press('Tab')).toBe(false)
    expect(press('Shift')).toBe(false)
    expect(performed).toEqual([])
  })

  it('a held-down letter acts once, not once per repeat', () => {
    const { press, performed, notesStarted } = setup()
    press('w')
    for (let i = 0; i < 20; i++) {
      vi.advanceTimersByTime(30)
      press('w', true)
    }
    expect(performed).toEqual(['recovery-start'])
    expect(notesStarted()).toBe(0)
  })

  it('after a pause typing is over and letters are commands again; the typed text waits for the note', () => {
    const { burst, type, press, performed } = setup()
    type('hello', 30)
    vi.advanceTimersByTime(BURST_QUIET_MS)
    press('e')
    vi.advanceTimersByTime(BURST_WINDOW_MS)
    expect(performed).toEqual(['call-end'])
    expect(burst.take()).toBe('hello')
  })

  it('a letter without an action held alone does nothing', () => {
    const { press, performed } = setup()
    expect(press('q')).toBe(true)
    vi.advanceTimersByTime(BURST_WINDOW_MS)
    expect(performed).toEqual([])
  })

  it('forgets held keys when disposed', () => {
    const { burst, press, performed } = setup()
    press('g')
    burst.dispose()
    vi.advanceTimersByTime(BURST_WINDOW_MS)
    expect(performed).toEqual([])
  })
})
