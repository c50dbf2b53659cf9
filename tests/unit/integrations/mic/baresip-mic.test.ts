/**
 * A real softphone through a real sound server: baresip (auto-answer) plays and records through
 * ALSA's pulse plugin on a private headless PulseAudio, sipp calls it on loopback, and CalmDeck
 * notices the call from the microphone alone (baresip holds `mic` for the call's length). With
 * baresip's ctrl_tcp connector on as well, the call is still one call. Needs baresip-core,
 * sip-tester, pulseaudio, pulseaudio-utils and libasound2-plugins (`.ci/run` installs them):
 * without them this test fails, it does not skip.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices, type AppServices } from '../../../../electron/services/app-services'
import { PulseMicMonitor } from '../../../../electron/services/integrations/mic/pulse-monitor'
import { BaresipSource } from '../../../../electron/services/integrations/sources/baresip'
import type { Call } from '../../../../shared/calls'
import { TestPulse, waitFor } from '../../../helpers/pulse'
import { tempDir } from '../../../helpers/temp-dir'
import { freePort } from '../../../helpers/free-port'
import {
  baresipSipPort,
  launch,
  requireTool,
  sippMediaPort,
  stopProcess,
  untilPrinted,
  type Started,
} from '../../../helpers/sip'

const SCENARIO = path.resolve(__dirname, '../../../fixtures/sipp/caller-talks.xml')

describe('baresip + sipp with baresip’s audio through PulseAudio', () => {
  const pulse = new TestPulse()
  const { dir, cleanup } = tempDir()
  let services: AppServices
  let baresip: Started | undefined
  let sipPort: number
  let ctrlPort: number
  const calls = (): Call[] => services.calls.list(0, Number.MAX_SAFE_INTEGER)

  beforeAll(async () => {
    const baresipBin = requireTool('baresip')
    requireTool('sipp')
    await pulse.start()
    sipPort = await baresipSipPort()
    ctrlPort = await freePort()
    const config = path.join(dir, 'baresip')
    fs.mkdirSync(config)
    fs.writeFileSync(
      path.join(config, 'config'),
      [
        `sip_listen 127.0.0.1:${sipPort}`,
        'module_path /usr/lib/baresip/modules',
        'module g711.so',
        'module alsa.so',
        'module_app account.so',
        'module_app ctrl_tcp.so',
        `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
        'audio_source alsa,pulse',
        'audio_player alsa,pulse',
        'audio_alert alsa,pulse',
        'rtp_ports 30000-40000',
        '',
      ].join('\n'),
    )
    fs.writeFileSync(path.join(config, 'accounts'), '<sip:agent@127.0.0.1>;regint=0;answermode=auto\n')
    const started = launch(baresipBin, ['-f', config], { cwd: config, env: pulse.env })
    baresip = started
    await untilPrinted('baresip', started, 'baresip is ready')
    services = createAppServices({
      dataDir: path.join(dir, 'data'),
      host: 'web',
      version: 'test',
      microphone: {
        monitor: () => new PulseMicMonitor({ env: pulse.env }),
        delaysMs: { start: 300, release: 800 },
      },
    })
    services.settings.update({ micSource: true, micApps: { baresip: 'phone' }, callEventsLocal: false })
    await services.integrations.start({ apiPort: 0 })
  }, 30_000)

  afterAll(async () => {
    await services?.integrations.close()
    services?.close()
    await stopProcess(baresip)
    await pulse.dispose()
    cleanup()
  }, 20_000)

  async function call(): Promise<void> {
    const media = await sippMediaPort()
    const sipp = launch(
      'sipp',
      [
        '-sf',
        SCENARIO,
        `127.0.0.1:${sipPort}`,
        '-s',
        'agent',
        '-m',
        '1',
        '-i',
        '127.0.0.1',
        '-mp',
        String(media),
      ].concat(['-timeout', '25s', '-nostdin']),
      { cwd: dir, env: pulse.env },
    )
    const code = await sipp.exited
    expect(code, sipp.output()).toBe(0)
  }

  it('notices the call from the microphone alone', async () => {
    const done = call()
    const open = await waitFor('a call from the microphone', () => services.calls.openCall())
    expect(open.externalId).toMatch(/^microphone:baresip:/)
    await done
    await waitFor('the call to end', () => services.calls.openCall() === null)
    expect(calls()).toHaveLength(1)
  }, 30_000)

  it('with the ctrl_tcp connector also on, it is still one call', async () => {
    services.settings.update({ callEventsBaresip: true, baresipAddress: `127.0.0.1:${ctrlPort}` })
    await waitFor('the connector', () => services.integrations.sourceOf(BaresipSource)?.current?.status === 'connected')
    const before = calls().length
    const done = call()
    const open = await waitFor('the call', () => services.calls.openCall())
    await done
    await waitFor('the call to end', () => services.calls.openCall() === null)
    // Let the microphone's release delay pass: its end must not record a second call.
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    const after = calls()
    expect(after).toHaveLength(before + 1)
    expect(after.find((item) => item.id === open.id)?.endedAt).not.toBeNull()
  }, 30_000)
})
