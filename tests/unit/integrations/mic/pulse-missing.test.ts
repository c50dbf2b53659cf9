/** The Linux monitor without a sound server, and without pactl: it says so, retries, and never throws. */
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import type { MicMonitorStatus } from '../../../../electron/services/integrations/mic/monitor'
import { PulseMicMonitor } from '../../../../electron/services/integrations/mic/pulse-monitor'
import { waitFor } from '../../../helpers/pulse'
import { tempDir } from '../../../helpers/temp-dir'

describe('PulseMicMonitor with nothing to reach', () => {
  const { dir, cleanup } = tempDir('calmdeck-no-pulse-')
  let monitor: PulseMicMonitor | null = null
  afterEach(() => monitor?.stop())

  function watch(options: ConstructorParameters<typeof PulseMicMonitor>[0]): MicMonitorStatus[] {
    const statuses: MicMonitorStatus[] = []
    monitor = new PulseMicMonitor({ initialDelayMs: 50, maxDelayMs: 100, ...options })
    monitor.start({ onChange: () => {}, onStatus: (status) => statuses.push(status) })
    return statuses
  }

  it('waits for a sound server that is not running, and keeps trying', async () => {
    fs.chmodSync(dir, 0o700)
    const statuses = watch({ env: { ...process.env, XDG_RUNTIME_DIR: dir, PULSE_SERVER: `unix:${dir}/none` } })
    await waitFor('two attempts', () => statuses.length >= 2)
    expect(statuses[0]).toEqual({ state: 'waiting', detail: 'sound server not reachable' })
  })

  it('says pactl is missing', async () => {
    const statuses = watch({ pactl: `${dir}/no-such-pactl` })
    await waitFor('a status', () => statuses[0])
    expect(statuses[0]).toEqual({ state: 'unsupported', detail: 'pactl not found' })
    cleanup()
  })
})
