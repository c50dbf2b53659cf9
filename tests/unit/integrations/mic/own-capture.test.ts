/**
 * The live cues open the microphone themselves during a call: CalmDeck's own capture (its pids)
 * is never taken for a phone by the microphone source. A real headless PulseAudio; `parecord`
 * stands for both CalmDeck's capture and a phone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../../electron/services/app-services'
import { PulseMicMonitor } from '../../../../electron/services/integrations/mic/pulse-monitor'
import type { MicState } from '../../../../shared/mic'
import { TestPulse, waitFor } from '../../../helpers/pulse'
import { tempDir } from '../../../helpers/temp-dir'

describe('the microphone source and CalmDeck’s own capture', () => {
  const pulse = new TestPulse()
  const { dir, cleanup } = tempDir()
  const ownPids: number[] = []
  const states: MicState[] = []
  let services: AppServices
  const micState = (): MicState => states.at(-1) ?? { status: 'off', prompt: null, active: [] }

  beforeAll(async () => {
    await pulse.start()
    services = createAppServices({
      dataDir: dir,
      host: 'electron',
      version: 'test',
      broadcast: (event, data) => {
        if (event === 'mic:changed') states.push(data as MicState)
      },
      microphone: {
        monitor: () => new PulseMicMonitor({ env: pulse.env, initialDelayMs: 100, maxDelayMs: 400 }),
        delaysMs: { start: 600, release: 1200 },
        ownPids: () => ownPids,
      },
    })
    await services.integrations.start({ apiPort: 0 })
    services.settings.update({ micSource: true })
    await waitFor('the source observing', () => micState().status === 'on')
  }, 30_000)

  afterAll(async () => {
    services.close()
    await pulse.dispose()
    cleanup()
  })

  it('never asks about, nor counts, a capture of its own; another app is still seen', async () => {
    const ours = pulse.record('mic')
    if (ours.pid === undefined) throw new Error('parecord did not start')
    ownPids.push(ours.pid)
    const phone = pulse.record('mic')
    // The phone is seen (a question about it), while CalmDeck's own stream is not.
    await waitFor('the question about the phone', () => micState().prompt)
    expect(micState().active).toEqual(['pacat'])
    await phone()
    // Only CalmDeck's own capture is left: nobody holds the microphone as far as calls go.
    await waitFor('no app left', () => micState().active.length === 0 || null)
    expect(micState().prompt).toBeNull()
    expect(services.calls.openCall()).toBeNull()
    await ours()
  })
})
