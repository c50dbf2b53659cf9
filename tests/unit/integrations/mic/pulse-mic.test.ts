/**
 * The microphone source against a real headless PulseAudio: `parecord` stands for the phone
 * (it shows as binary `pacat`). Real services, a real SQLite file, real timers with short delays.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../../electron/services/app-services'
import { PulseMicMonitor } from '../../../../electron/services/integrations/mic/pulse-monitor'
import type { MicState } from '../../../../shared/mic'
import { TestPulse, waitFor } from '../../../helpers/pulse'
import { tempDir } from '../../../helpers/temp-dir'

const START_MS = 600
const RELEASE_MS = 1200
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('microphone source on a real PulseAudio', () => {
  const pulse = new TestPulse()
  const { dir, cleanup } = tempDir()
  let services: AppServices
  const states: MicState[] = []
  let shown = 0
  const openCall = () => services.calls.openCall()
  const callCount = () => (services.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n

  async function startServices(): Promise<void> {
    services = createAppServices({
      dataDir: dir,
      host: 'web',
      version: 'test',
      onCallShown: () => shown++,
      broadcast: (event, data) => {
        if (event === 'mic:changed') states.push(data as MicState)
      },
      microphone: {
        monitor: () => new PulseMicMonitor({ env: pulse.env, initialDelayMs: 100, maxDelayMs: 400 }),
        delaysMs: { start: START_MS, release: RELEASE_MS },
      },
    })
    await services.integrations.start({ apiPort: 0 })
    services.settings.update({ micSource: true })
    await waitFor('the source observing', () => micState().status === 'on')
  }

  beforeAll(async () => {
    await pulse.start()
    await startServices()
  }, 30_000)

  afterAll(async () => {
    services.close()
    await pulse.dispose()
    cleanup()
  })

  function micState(): MicState {
    return states.at(-1) ?? { status: 'off', prompt: null, active: [] }
  }

  it('asks about an unknown app; after "yes" its capture stream opens a call, and closing it ends the call', async () => {
    const stop = pulse.record('mic')
    const prompt = await waitFor('the question', () => micState().prompt)
    expect(prompt).toEqual({ kind: 'phone', app: 'pacat', name: 'pacat', browser: false })
    expect(shown).toBe(1)
    expect(openCall()).toBeNull()
    const answered = await services.dispatch('mic:answer', { kind: 'phone', app: 'pacat', answer: 'yes' })
    expect(answered.ok).toBe(true)
    expect(services.settings.get().micApps).toEqual({ pacat: 'phone' })
    const call = await waitFor('a call', openCall, 5_000)
    expect(call.externalId).toMatch(/^microphone:pacat:/)
    await stop()
    await sleep(RELEASE_MS / 2)
    expect(openCall()?.id).toBe(call.id)
    await waitFor('the call to end', () => openCall() === null, RELEASE_MS + 3_000)
    expect(micState().prompt).toBeNull()
  }, 20_000)

  it('ignores a recording of a monitor source and a blip shorter than the start delay', async () => {
    const before = callCount()
    const stopMonitor = pulse.record('nul.monitor')
    await sleep(START_MS * 2.5)
    expect(micState().active).toEqual([])
    await stopMonitor()
    const stopBlip = pulse.record('mic')
    await waitFor('the blip seen', () => micState().active.includes('pacat'), 3_000)
    await sleep(START_MS / 4)
    await stopBlip()
    await sleep(START_MS * 2)
    expect(openCall()).toBeNull()
    expect(callCount()).toBe(before)
  }, 20_000)

  it('keeps one call across a hold shorter than the release delay; a hard call offers a break at its end', async () => {
    const before = callCount()
    const first = pulse.record('mic')
    const call = await waitFor('a call', openCall, 5_000)
    services.actions.perform('log:boundary-warning', 'window')
    await first()
    await sleep(RELEASE_MS / 3)
    const second = pulse.record('mic')
    await sleep(RELEASE_MS * 1.5)
    expect(openCall()?.id).toBe(call.id)
    await second()
    await waitFor('the call to end', () => openCall() === null, RELEASE_MS + 3_000)
    expect(callCount()).toBe(before + 1)
    expect(services.calls.timeline(call.id).call.hard).toBe(true)
    expect(services.recovery.current()).toMatchObject({ status: 'offered' })
    services.recovery.decline('window')
  }, 20_000)

  it('survives a sound-server restart: the call ends, and the next stream opens a new one', async () => {
    pulse.record('mic')
    const call = await waitFor('a call', openCall, 5_000)
    await pulse.stop()
    await waitFor('the source waiting', () => micState().status === 'waiting', 5_000)
    await waitFor('the call to end', () => openCall() === null, RELEASE_MS + 3_000)
    await pulse.start()
    await waitFor('the source back', () => micState().status === 'on', 5_000)
    const again = pulse.record('mic')
    const next = await waitFor('a new call', openCall, 5_000)
    expect(next.id).not.toBe(call.id)
    await again()
    await waitFor('the call to end', () => openCall() === null, RELEASE_MS + 3_000)
  }, 30_000)

  it('turned off during a call it opened, ends that call; turned on again, the next stream opens a new one', async () => {
    const phone = pulse.record('mic')
    const call = await waitFor('a call', openCall, 5_000)
    services.settings.update({ micSource: false })
    expect(openCall()).toBeNull()
    expect(services.calls.timeline(call.id).call.endedAt).not.toBeNull()
    expect(micState().status).toBe('off')
    services.settings.update({ micSource: true })
    await waitFor('the source observing', () => micState().status === 'on')
    const next = await waitFor('a new call', openCall, 5_000)
    expect(next.id).not.toBe(call.id)
    await phone()
    await waitFor('the call to end', () => openCall() === null, RELEASE_MS + 3_000)
  }, 20_000)

  it('after a restart, checks a call it left open against who holds the microphone now', async () => {
    const phone = pulse.record('mic')
    const call = await waitFor('a call', openCall, 5_000)
    services.close()
    states.length = 0
    await startServices()
    // The phone still holds the microphone: the call goes on, and ends when it lets go.
    await sleep(RELEASE_MS * 1.5)
    expect(openCall()?.id).toBe(call.id)
    await phone()
    await waitFor('the call to end', () => openCall() === null, RELEASE_MS + 3_000)

    pulse.record('mic')
    const left = await waitFor('another call', openCall, 5_000)
    services.close()
    await pulse.stop()
    await pulse.start()
    states.length = 0
    await startServices()
    // Nothing holds the microphone after the restart: the call left open is ended.
    await waitFor('the left call to end', () => openCall() === null, 3_000)
    expect(services.calls.timeline(left.id).call.endedAt).not.toBeNull()
  }, 40_000)
})
