import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppServices, type AppServices } from '../../../electron/services/app-services'
import { RecoveryService } from '../../../electron/services/recovery/recovery-service'
import { AppError } from '../../../shared/result'
import { tempDir } from '../../helpers/temp-dir'

const T0 = Date.parse('2026-11-22T09:00:00Z')
const MIN = 60_000
let clock = T0
let folder: { dir: string; cleanup: () => void }
let services: AppServices
let finished = 0
const events: { event: string; data: unknown }[] = []

function open(): AppServices {
  return createAppServices({
    dataDir: folder.dir,
    host: 'web',
    version: 'test',
    now: () => clock,
    broadcast: (event, data) => events.push({ event, data }),
    onRecoveryFinished: () => (finished += 1),
  })
}

beforeEach(() => {
  vi.useFakeTimers()
  clock = T0
  finished = 0
  events.length = 0
  folder = tempDir()
  services = open()
})
afterEach(() => {
  services.close()
  folder.cleanup()
  vi.useRealTimers()
})

const tick = async (ms: number) => {
  clock += ms
  await vi.advanceTimersByTimeAsync(ms)
}

function conflict(run: () => unknown, message: RegExp): void {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('conflict')
    expect((error as AppError).message).toMatch(message)
    return
  }
  throw new Error('expected a conflict')
}

function hardCall(): void {
  services.calls.start({ source: 'window' })
  services.calls.log('boundary-warning', 'hotkey')
  services.calls.end('window')
}

describe('RecoveryService', () => {
  it('offers a break when a hard call ends, not after an ordinary one', () => {
    services.calls.start({ source: 'window' })
    services.calls.end('window')
    expect(services.recovery.current()).toBeNull()
    hardCall()
    expect(services.recovery.current()).toMatchObject({ status: 'offered', durationMs: 5 * MIN, remainingMs: 5 * MIN })
    expect(events.filter((item) => item.event === 'recovery:changed').at(-1)?.data).toMatchObject({ status: 'offered' })
  })

  it('offers a break when a call is ended for abuse', () => {
    services.calls.start({ source: 'window' })
    services.calls.log('ended-for-abuse', 'hotkey')
    expect(services.recovery.current()?.status).toBe('offered')
  })

  it('counts down from timestamps, pauses, resumes, extends and finishes on its own', async () => {
    hardCall()
    services.recovery.start('hotkey')
    await tick(2 * MIN)
    expect(services.recovery.current()).toMatchObject({ status: 'running', remainingMs: 3 * MIN, endsAt: T0 + 5 * MIN })
    services.recovery.pause()
    await tick(10 * MIN)
    expect(services.recovery.current()).toMatchObject({ status: 'paused', remainingMs: 3 * MIN, endsAt: null })
    services.recovery.resume()
    services.recovery.extend()
    expect(services.recovery.current()).toMatchObject({ remainingMs: 4 * MIN, endsAt: clock + 4 * MIN })
    await tick(4 * MIN - 1000)
    expect(finished).toBe(0)
    await tick(1100)
    expect(services.recovery.current()).toMatchObject({ status: 'finished', remainingMs: 0 })
    expect(finished).toBe(1)
  })

  it('resumes with the right time left after a restart in the middle of a break', async () => {
    services.recovery.start('window', 10)
    await tick(3 * MIN)
    services.recovery.pause()
    services.close()
    await tick(60 * MIN)
    services = open()
    expect(services.recovery.current()).toMatchObject({ status: 'paused', remainingMs: 7 * MIN })
    services.recovery.resume()
    await tick(MIN)
    expect(services.recovery.current()?.remainingMs).toBe(6 * MIN)
  })

  it('shows a break the machine slept through as finished, at the moment it ended', () => {
    services.recovery.start('window', 5)
    services.close()
    clock += 3 * 60 * MIN
    services = open()
    expect(services.recovery.current()).toMatchObject({ status: 'finished', remainingMs: 0 })
    const row = services.db.prepare('SELECT ended_at FROM recoveries').get() as { ended_at: number }
    expect(row.ended_at).toBe(T0 + 5 * MIN)
  })

  it('logs a declined offer', () => {
    hardCall()
    services.recovery.decline('hotkey')
    expect(services.recovery.current()).toMatchObject({ status: 'declined' })
    expect(services.db.prepare('SELECT status, source FROM recoveries').get()).toEqual({
      status: 'declined',
      source: 'hotkey',
    })
  })

  it('declines an offer through recovery:decline, like the other recovery:* requests, and through the action', async () => {
    hardCall()
    expect(await services.dispatch('recovery:decline', {})).toMatchObject({ ok: true, value: { status: 'declined' } })
    expect(events.at(-1)).toMatchObject({ event: 'recovery:changed', data: { status: 'declined' } })
    expect(await services.dispatch('recovery:decline', {})).toMatchObject({ ok: false, error: { code: 'conflict' } })
    hardCall()
    expect(services.actions.perform('recovery-decline', 'hotkey')).toMatchObject({ state: { status: 'declined' } })
    const rows = services.db.prepare('SELECT status, source FROM recoveries ORDER BY id').all()
    expect(rows).toEqual([
      { status: 'declined', source: 'window' },
      { status: 'declined', source: 'hotkey' },
    ])
  })

  it('refuses what makes no sense, leaving the state unchanged', async () => {
    conflict(() => services.recovery.resume(), /not paused/)
    conflict(() => services.recovery.decline('window'), /No recovery break is on offer/)
    services.recovery.start('window')
    const before = services.recovery.current()
    conflict(() => services.recovery.resume(), /not paused/)
    conflict(() => services.recovery.start('window'), /already under way/)
    expect(services.recovery.current()).toEqual(before)
    expect(await services.dispatch('recovery:start', { minutes: 31 })).toMatchObject({
      error: { code: 'invalid-request' },
    })
    expect(await services.dispatch('recovery:start', { minutes: 0 })).toMatchObject({
      error: { code: 'invalid-request' },
    })
    for (let i = 0; i < 55; i++) services.recovery.extend()
    conflict(() => services.recovery.extend(), /an hour at most/)
  })

  it('sums up the day: calls, hard calls, breaks offered, taken, declined and minutes', async () => {
    hardCall()
    services.recovery.decline('window')
    await tick(MIN)
    hardCall()
    services.recovery.start('window', 5)
    await tick(5 * MIN + 100)
    services.calls.start({ source: 'window' })
    await tick(2 * MIN)
    services.calls.end('window')
    const day = services.recovery.summary(T0, T0 + 24 * 60 * MIN)
    expect(day).toMatchObject({ calls: 3, hardCalls: 2, offered: 2, taken: 1, declined: 1, recoveryMinutes: 5 })
    expect(day.spans.map((span) => span.kind).sort()).toEqual(['call', 'hard-call', 'hard-call', 'recovery'])
  })
})

describe('recovery domain events', () => {
  it('announces a break that ran its full length once, after the change, and not one ended early', async () => {
    const told: string[] = []
    services.close()
    services = createAppServices({
      dataDir: folder.dir,
      host: 'web',
      version: 'test',
      now: () => clock,
      broadcast: (event, data) => {
        if (event === 'recovery:changed') told.push(`${event}:${(data as { status?: string } | null)?.status}`)
      },
      onRecoveryFinished: () => told.push('finished'),
    })
    services.recovery.start('window', 1)
    services.recovery.endEarly()
    services.recovery.start('window', 1)
    await tick(MIN + 1000)
    services.recovery.current()
    await tick(5000)
    expect(told).toEqual([
      'recovery:changed:running',
      'recovery:changed:ended-early',
      'recovery:changed:running',
      'recovery:changed:finished',
      'finished',
    ])
  })

  it('does not announce a break that ran out while the app was closed', () => {
    services.recovery.start('window', 5)
    services.close()
    clock += 60 * MIN
    services = open()
    hardCall()
    expect(services.recovery.current()?.status).toBe('offered')
    expect(finished).toBe(0)
  })

  it('tells the break that finished to onFinished', async () => {
    const states: unknown[] = []
    const recovery = new RecoveryService({
      db: services.db,
      now: () => clock,
      defaultMinutes: () => 5,
      onFinished: (state) => states.push(state),
    })
    const started = recovery.start('window', 2)
    recovery.watch()
    await tick(2 * MIN + 1000)
    expect(states).toEqual([{ ...started, status: 'finished', remainingMs: 0, endsAt: null }])
    recovery.dispose()
  })
})
