import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MicChoice } from '../../../../shared/mic'
import { MicCallTracker, type MicQuestion } from '../../../../electron/services/integrations/mic/mic-call-tracker'

function setup(mode: 'auto' | 'ask' = 'auto', choices: Record<string, MicChoice> = { microsip: 'phone' }) {
  const log: string[] = []
  const questions: (MicQuestion | null)[] = []
  const config = { startMs: 3000, releaseMs: 5000, mode, choices }
  const tracker = new MicCallTracker({
    config: () => config,
    now: () => Date.now(),
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
    startCall: (app) => log.push(`start ${app}`),
    endCall: () => log.push('end'),
    onQuestion: (question) => questions.push(question),
  })
  const use = (app: string, active: boolean, pid = 1) => tracker.change([{ app, pid, active }])
  return { tracker, log, questions, config, use }
}

describe('MicCallTracker', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('starts a call after the start delay and ends it after the release delay', () => {
    const { log, use } = setup()
    use('microsip', true)
    vi.advanceTimersByTime(2999)
    expect(log).toEqual([])
    vi.advanceTimersByTime(1)
    expect(log).toEqual(['start microsip'])
    use('microsip', false)
    vi.advanceTimersByTime(4999)
    expect(log).toEqual(['start microsip'])
    vi.advanceTimersByTime(1)
    expect(log).toEqual(['start microsip', 'end'])
  })

  it('ignores a blip shorter than the start delay', () => {
    const { log, use } = setup()
    use('microsip', true)
    vi.advanceTimersByTime(1000)
    use('microsip', false)
    vi.advanceTimersByTime(20_000)
    expect(log).toEqual([])
  })

  it('keeps one call across a hold shorter than the release delay, also when the pid changes', () => {
    const { log, use } = setup()
    use('microsip', true, 1)
    vi.advanceTimersByTime(3000)
    use('microsip', false, 1)
    vi.advanceTimersByTime(4000)
    use('microsip', true, 2)
    vi.advanceTimersByTime(60_000)
    expect(log).toEqual(['start microsip'])
    use('microsip', false, 2)
    vi.advanceTimersByTime(5000)
    expect(log).toEqual(['start microsip', 'end'])
  })

  it('asks about an unknown app once, counts it only once confirmed, from when it took the microphone', () => {
    const { tracker, log, questions, config, use } = setup('auto', {})
    use('zoiper', true)
    expect(questions).toEqual([{ kind: 'phone', app: 'zoiper' }])
    vi.advanceTimersByTime(10_000)
    expect(log).toEqual([])
    tracker.answer('phone', 'zoiper', 'yes')
    config.choices = { zoiper: 'phone' }
    tracker.reconsider()
    vi.advanceTimersByTime(0)
    expect(log).toEqual(['start zoiper'])
    expect(questions.at(-1)).toBeNull()
  })

  it('never counts an app answered "no"; "later" asks again the next time', () => {
    const { tracker, log, questions, use } = setup('auto', {})
    use('chrome', true)
    tracker.answer('phone', 'chrome', 'later')
    vi.advanceTimersByTime(10_000)
    expect(questions).toEqual([{ kind: 'phone', app: 'chrome' }, null])
    use('chrome', false)
    use('chrome', true)
    expect(questions.at(-1)).toEqual({ kind: 'phone', app: 'chrome' })
    expect(log).toEqual([])
    const { log: log2, use: use2 } = setup('auto', { chrome: 'not-phone' })
    use2('chrome', true)
    vi.advanceTimersByTime(10_000)
    expect(log2).toEqual([])
  })

  it('mode ask: asks "Log this as a call?" after the delay and starts only on yes', () => {
    const { tracker, log, questions, use } = setup('ask')
    use('microsip', true)
    vi.advanceTimersByTime(3000)
    expect(questions.at(-1)).toEqual({ kind: 'log-call', app: 'microsip' })
    expect(log).toEqual([])
    tracker.answer('log-call', 'microsip', 'yes')
    expect(log).toEqual(['start microsip'])
    use('microsip', false)
    vi.advanceTimersByTime(5000)
    expect(log).toEqual(['start microsip', 'end'])
  })

  it('mode ask: the question goes away when the phone releases the microphone; "no" holds until then', () => {
    const { tracker, log, questions, use } = setup('ask')
    use('microsip', true)
    vi.advanceTimersByTime(3000)
    tracker.answer('log-call', 'microsip', 'no')
    vi.advanceTimersByTime(30_000)
    expect(log).toEqual([])
    use('microsip', false)
    use('microsip', true)
    vi.advanceTimersByTime(3000)
    expect(questions.at(-1)).toEqual({ kind: 'log-call', app: 'microsip' })
    use('microsip', false)
    expect(questions.at(-1)).toBeNull()
  })

  it('an adopted call (open before a restart) ends once the phone lets go', () => {
    const { tracker, log } = setup()
    tracker.adoptCall()
    vi.advanceTimersByTime(5000)
    expect(log).toEqual(['end'])
  })
})
