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

/**
 * The source's delays: far longer than what the tests do inside them (a blip, a hold), which the
 * tests end as soon as the source has seen them, so a busy machine cannot stretch one past them.
 */
const START_MS = 1500
const RELEASE_MS = 2500
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
  })

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
    const call = await waitFor('a call', openCall)
    expect(call.externalId).toMatch(/^microphone:pacat:/)
    await stop()
    await waitFor('the phone letting go seen', () => !micState().active.includes('pacat'))
    // The call outlives the release by the release delay.
    expect(openCall()?.id).toBe(call.id)
    await waitFor('the call to end', () => openCall() === null)
    expect(micState().prompt).toBeNull()
  })

  it('ignores a recording of a monitor source and a blip shorter than the start delay', async () => {
    const before = callCount()
    const stopMonitor = pulse.record('nul.monitor')
    await sleep(START_MS * 1.5)
    expect(micState().active).toEqual([])
    await stopMonitor()
    const stopBlip = pulse.record('mic')
    await waitFor('the blip seen', () => micState().active.includes('pacat'))
    await stopBlip()
    await waitFor('the blip gone', () => !micState().active.includes('pacat'))
    // Longer than the start delay: a start that was not called off would have opened a call now.
    await sleep(START_MS * 1.5)
    expect(openCall()).toBeNull()
    expect(callCount()).toBe(before)
  })

  it('keeps one call across a hold shorter than the release delay; a hard call offers a break at its end', async () => {
    const before = callCount()
    const first = pulse.record('mic')
    const call = await waitFor('a call', openCall)
    services.actions.perform('log:boundary-warning', 'window')
    await first()
    await waitFor('the hold seen', () => !micState().active.includes('pacat'))
    const second = pulse.record('mic')
    await waitFor('the phone back', () => micState().active.includes('pacat'))
    // Longer than the release delay: a release that was not called off would have ended the call.
    await sleep(RELEASE_MS * 1.5)
    expect(openCall()?.id).toBe(call.id)
    await second()
    await waitFor('the call to end', () => openCall() === null)
    expect(callCount()).toBe(before + 1)
    expect(services.calls.timeline(call.id).call.hard).toBe(true)
    expect(services.recovery.current()).toMatchObject({ status: 'offered' })
    services.recovery.decline('window')
  })

  it('survives a sound-server restart: the call ends, and the next stream opens a new one', async () => {
    pulse.record('mic')
    const call = await waitFor('a call', openCall)
    await pulse.stop()
    await waitFor('the source waiting', () => micState().status === 'waiting')
    await waitFor('the call to end', () => openCall() === null)
    await pulse.start()
    await waitFor('the source back', () => micState().status === 'on')
    const again = pulse.record('mic')
    const next = await waitFor('a new call', openCall)
    expect(next.id).not.toBe(call.id)
    await again()
    await waitFor('the call to end', () => openCall() === null)
  })

  it('turned off during a call it opened, ends that call; turned on again, the next stream opens a new one', async () => {
    const phone = pulse.record('mic')
    const call = await waitFor('a call', openCall)
    services.settings.update({ micSource: false })
    expect(openCall()).toBeNull()
    expect(services.calls.timeline(call.id).call.endedAt).not.toBeNull()
    expect(micState().status).toBe('off')
    services.settings.update({ micSource: true })
    await waitFor('the source observing', () => micState().status === 'on')
    const next = await waitFor('a new call', openCall)
    expect(next.id).not.toBe(call.id)
    await phone()
    await waitFor('the call to end', () => openCall() === null)
  })

  it('after a restart, checks a call it left open against who holds the microphone now', async () => {
    const phone = pulse.record('mic')
    const call = await waitFor('a call', openCall)
    services.close()
    states.length = 0
    await startServices()
    // The phone still holds the microphone: the call goes on, and ends when it lets go.
    await sleep(RELEASE_MS * 1.5)
    expect(openCall()?.id).toBe(call.id)
    await phone()
    await waitFor('the call to end', () => openCall() === null)

    pulse.record('mic')
    const left = await waitFor('another call', openCall)
    services.close()
    await pulse.stop()
    await pulse.start()
    states.length = 0
    await startServices()
    // Nothing holds the microphone after the restart: the call left open is ended.
    await waitFor('the left call to end', () => openCall() === null)
    expect(services.calls.timeline(left.id).call.endedAt).not.toBeNull()
  })
})
