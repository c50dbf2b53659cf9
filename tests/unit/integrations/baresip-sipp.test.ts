/**
 * Real softphone software on loopback: sipp calls baresip (auto-answer), CalmDeck's baresip
 * connector follows the call over ctrl_tcp, and call records appear by themselves. Covers the
 * caller hanging up, the agent hanging up (a `hangup` command to baresip), and baresip being
 * restarted mid-test. Needs the Debian packages baresip-core and sip-tester (`.ci/run` installs
 * them): without them this test fails, it does not skip.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Call } from '../../../shared/calls'
import { testServices, type TestServices } from '../../helpers/services'
import { BaresipSource } from '../../../electron/services/integrations/sources/baresip'
import { freePort } from '../../helpers/free-port'
import {
  baresipSipPort,
  launch,
  requireTool,
  sippMediaPort,
  stopProcess,
  untilPrinted,
  type Started,
} from '../../helpers/sip'
import { waitFor } from '../../helpers/wait-for'

const SCENARIOS = path.resolve(__dirname, '../../fixtures/sipp')
const CALLER = '0612345678'

/** 8 kHz mono 16-bit silence: baresip's audio source must outlast the call. */
function writeSilence(file: string, seconds: number): void {
  const data = 8000 * 2 * seconds
  const header = Buffer.alloc(44)
  header.write('RIFF', 0)
  header.writeUInt32LE(36 + data, 4)
  header.write('WAVEfmt ', 8)
  header.writeUInt32LE(16, 16)
  header.writeUInt16LE(1, 20)
  header.writeUInt16LE(1, 22)
  header.writeUInt32LE(8000, 24)
  header.writeUInt32LE(16000, 28)
  header.writeUInt16LE(2, 32)
  header.writeUInt16LE(16, 34)
  header.write('data', 36)
  header.writeUInt32LE(data, 40)
  fs.writeFileSync(file, Buffer.concat([header, Buffer.alloc(data)]))
}

let baresipBin: string
let sippBin: string
let services: TestServices
let dir: string
let sipPort: number
let ctrlPort: number
let baresip: Started | undefined
const started: Started[] = []

async function startBaresip(): Promise<void> {
  baresip = launch(baresipBin, ['-f', dir], { cwd: dir })
  started.push(baresip)
  const current = baresip
  await untilPrinted('baresip', current, 'baresip is ready')
}

/** Starts one sipp call with `scenario`; bounded by sipp's own timeout. */
async function sipp(scenario: string): Promise<Started> {
  const mediaPort = await sippMediaPort()
  const proc = launch(
    sippBin,
    [
      '-sf',
      path.join(SCENARIOS, scenario),
      `127.0.0.1:${sipPort}`,
      '-s',
      'agent',
      '-m',
      '1',
      '-i',
      '127.0.0.1',
      '-mp',
      String(mediaPort),
      '-timeout',
      '25s',
      '-nostdin',
    ],
    { cwd: dir },
  )
  started.push(proc)
  return proc
}

const connector = () => services.integrations.sourceOf(BaresipSource)?.current
const calls = (): Call[] => services.calls.list(0, Number.MAX_SAFE_INTEGER)
const ended = (count: number) => () => {
  const list = calls()
  return list.length === count && list.every((call) => call.endedAt !== null) ? list : null
}

beforeAll(async () => {
  baresipBin = requireTool('baresip')
  sippBin = requireTool('sipp')
  services = testServices(Date.now)
  dir = services.dir
  sipPort = await baresipSipPort()
  ctrlPort = await freePort()
  writeSilence(path.join(dir, 'silence.wav'), 30)
  fs.writeFileSync(
    path.join(dir, 'config'),
    [
      `sip_listen 127.0.0.1:${sipPort}`,
      'module_path /usr/lib/baresip/modules',
      'module g711.so',
      'module aufile.so',
      'module_app account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
      `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
      `audio_source aufile,${path.join(dir, 'silence.wav')}`,
      `audio_player aufile,${path.join(dir, 'heard.wav')}`,
      `audio_alert aufile,${path.join(dir, 'alert.wav')}`,
      'rtp_ports 30000-40000',
      '',
    ].join('\n'),
  )
  fs.writeFileSync(path.join(dir, 'accounts'), '<sip:agent@127.0.0.1>;regint=0;answermode=auto\n')
  services.settings.update({ callEventsBaresip: true, baresipAddress: `127.0.0.1:${ctrlPort}`, callerNumber: 'full' })
  await startBaresip()
  await services.integrations.start({ apiPort: 0 })
  await waitFor('the connector to reach baresip', () => connector()?.status === 'connected')
}, 30_000)

afterAll(async () => {
  await services?.integrations.close()
  for (const proc of started) await stopProcess(proc)
  services?.dispose()
}, 20_000)

describe('baresip + sipp on loopback', () => {
  it('records a call the caller hangs up, with start, end and caller', async () => {
    const call = await sipp('caller-hangs-up.xml')
    const open = await waitFor('CalmDeck to open the call', () => services.calls.current().call)
    expect(open).toMatchObject({ caller: CALLER, direction: 'inbound', source: 'integration', endedAt: null })
    expect(await call.exited, call.output()).toBe(0)
    const [record] = await waitFor('CalmDeck to close the call', ended(1))
    expect(record?.endedAt).not.toBeNull()
    // The scenario talks for 1.2 s.
    expect((record?.endedAt ?? 0) - (record?.startedAt ?? 0)).toBeGreaterThanOrEqual(1_000)
    expect(services.calls.timeline(record?.id ?? 0).events.map((event) => event.kind)).toEqual([
      'call-started',
      'call-ended',
    ])
  }, 30_000)

  it('records a call the agent hangs up in baresip', async () => {
    const call = await sipp('agent-hangs-up.xml')
    await waitFor('CalmDeck to open the call', () => services.calls.current().call)
    await expect(connector()?.command('hangup')).resolves.toMatchObject({ ok: true })
    expect(await call.exited, call.output()).toBe(0)
    const list = await waitFor('CalmDeck to close the call', ended(2))
    expect(list[0]).toMatchObject({ caller: CALLER, source: 'integration' })
  }, 30_000)

  it('reconnects when baresip is restarted, and records the next call', async () => {
    await stopProcess(baresip)
    await waitFor('the connector to notice', () => connector()?.status !== 'connected')
    await startBaresip()
    await waitFor('the connector to reconnect', () => connector()?.status === 'connected')
    const call = await sipp('caller-hangs-up.xml')
    expect(await call.exited, call.output()).toBe(0)
    const list = await waitFor('CalmDeck to record the call', ended(3))
    expect(list[0]).toMatchObject({ caller: CALLER })
  }, 40_000)
})
