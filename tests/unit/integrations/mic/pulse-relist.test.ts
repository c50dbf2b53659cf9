/**
 * How often the Linux monitor re-lists, against a real headless PulseAudio: a wrapper around the
 * real `pactl` counts the `pactl list` runs. Volume steps on the microphone (what an app's
 * automatic gain control does all through a call) must not make it look again.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { MicChange } from '../../../../electron/services/integrations/mic/monitor'
import { PulseMicMonitor } from '../../../../electron/services/integrations/mic/pulse-monitor'
import { TestPulse, waitFor } from '../../../helpers/pulse'
import { tempDir } from '../../../helpers/temp-dir'

describe('the PulseAudio monitor re-lists only when a holder can change', () => {
  const pulse = new TestPulse()
  const { dir, cleanup } = tempDir()
  const counter = path.join(dir, 'lists')
  const pactl = path.join(dir, 'pactl')
  let monitor: PulseMicMonitor
  const changes: MicChange[] = []
  let on = false
  const lists = () => (fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').split('\n').length - 1 : 0)
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

  beforeAll(async () => {
    await pulse.start()
    fs.writeFileSync(pactl, `#!/bin/sh\n[ "$1" = list ] && echo "$2" >> '${counter}'\nexec pactl "$@"\n`, {
      mode: 0o755,
    })
    monitor = new PulseMicMonitor({ env: pulse.env, pactl })
    monitor.start({ onChange: (batch) => changes.push(...batch), onStatus: (status) => (on = status.state === 'on') })
    await waitFor('the monitor on', () => on)
  }, 30_000)

  afterAll(async () => {
    monitor.stop()
    await pulse.dispose()
    cleanup()
  })

  it('looks again when a stream opens, not when the microphone volume changes', async () => {
    await sleep(800) // the start-up looks (and the settle look) are done
    const stop = pulse.record('mic')
    await waitFor('the recorder seen', () => changes.some((change) => change.app === 'pacat' && change.active))
    await sleep(300)
    const afterOpen = lists()
    for (let step = 0; step < 10; step++) {
      const volume = spawn('pactl', ['set-source-volume', 'mic', `${50 + step}%`], { env: pulse.env, stdio: 'ignore' })
      await new Promise((resolve) => volume.on('close', resolve))
    }
    await sleep(500)
    expect(lists()).toBe(afterOpen)
    await stop()
    await waitFor('the recorder gone', () => changes.some((change) => change.app === 'pacat' && !change.active))
  }, 30_000)
})
