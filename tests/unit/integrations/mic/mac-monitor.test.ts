/**
 * The macOS microphone monitor and its koffi adapter, on Linux: the adapter's real FFI calls go
 * to a stand-in library with CoreAudio's and CoreFoundation's C signatures, compiled here from
 * tests/fixtures/coreaudio/fake-coreaudio.c, which answers from a state file the test writes.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import koffi from 'koffi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppServices } from '../../../../electron/services/app-services'
import { fourCC, loadCoreAudio } from '../../../../electron/services/integrations/mic/mac-coreaudio'
import { MacMicMonitor, macAppId } from '../../../../electron/services/integrations/mic/mac-monitor'
import type { MicChange, MicMonitorStatus, MicUse } from '../../../../electron/services/integrations/mic/monitor'
import type { MicState } from '../../../../shared/mic'
import { waitFor } from '../../../helpers/pulse'
import { tempDir } from '../../../helpers/temp-dir'

const { dir, cleanup } = tempDir()
const library = path.join(dir, 'libfakecoreaudio.so')
const state = path.join(dir, 'coreaudio-state.txt')
const stub = { coreAudio: library, coreFoundation: library, system: library }
const write = (lines: string[]) => fs.writeFileSync(state, lines.join('\n') + '\n')

beforeAll(() => {
  const source = path.resolve(__dirname, '../../../fixtures/coreaudio/fake-coreaudio.c')
  execFileSync('cc', ['-shared', '-fPIC', '-o', library, source])
  process.env.FAKE_COREAUDIO_STATE = state
})

afterAll(() => {
  delete process.env.FAKE_COREAUDIO_STATE
  cleanup()
})

describe('the CoreAudio adapter (koffi, against the stand-in library)', () => {
  it('reads the process objects: pid, bundle id, executable name, running input; and releases every string', async () => {
    write(['process 10 501 1 com.microsoft.teams2', 'process 11 502 0 com.apple.Music', 'process 12 503 1 -'])
    const reader = await loadCoreAudio(stub)
    const released = koffi.load(library).func('int fake_released()')
    const before = released() as number
    expect(reader.processObjects()).toEqual([10, 11, 12])
    expect(reader.process(10)).toEqual({ pid: 501, bundleId: 'com.microsoft.teams2', name: 'proc-501' })
    expect(reader.process(12)).toEqual({ pid: 503, bundleId: null, name: 'proc-503' })
    expect(reader.process(99)).toBeNull()
    expect([reader.runningInput(10), reader.runningInput(11), reader.runningInput(99)]).toEqual([true, false, null])
    expect((released() as number) - before).toBe(1) // one bundle id came back; none for 12 or 99
  })

  it('lists only devices with input streams, by name, before macOS 14.2 (no process list)', async () => {
    write(['noprocesslist', 'device 70 1 1 MacBook Pro Microphone', 'device 71 1 0 MacBook Pro Speakers'])
    const reader = await loadCoreAudio(stub)
    expect(reader.processObjects()).toBeNull()
    expect(reader.inputDevices()).toEqual([{ name: 'MacBook Pro Microphone', runningSomewhere: true }])
  })

  it('rejects when the frameworks are not there (as on Linux and Windows)', async () => {
    await expect(loadCoreAudio()).rejects.toThrow()
  })

  it('spells the four-character codes as CoreAudio does', () => {
    expect(fourCC('prs#')).toBe(0x70727323)
    expect(fourCC('piri')).toBe(0x70697269)
  })
})

describe('the macOS microphone monitor', () => {
  function watch(options: ConstructorParameters<typeof MacMicMonitor>[0] = {}) {
    const changes: MicChange[][] = []
    const current: MicUse[][] = []
    const statuses: MicMonitorStatus[] = []
    const monitor = new MacMicMonitor({ reader: () => loadCoreAudio(stub), intervalMs: 20, ...options })
    monitor.start({
      onChange: (change, now) => {
        changes.push([...change])
        current.push([...now])
      },
      onStatus: (status) => statuses.push(status),
    })
    return { monitor, changes, current, statuses }
  }

  it('names an app by its bundle id without a helper suffix, else by its executable', () => {
    expect(macAppId({ bundleId: 'com.google.Chrome.helper', name: 'Google Chrome Helper', pid: 1 })).toBe(
      'com.google.Chrome',
    )
    expect(macAppId({ bundleId: 'com.microsoft.teams2.helper.renderer', name: null, pid: 1 })).toBe(
      'com.microsoft.teams2',
    )
    expect(macAppId({ bundleId: null, name: 'sox', pid: 1 })).toBe('sox')
    expect(macAppId({ bundleId: null, name: null, pid: 7 })).toBe('pid 7')
  })

  it('reports a process taking and releasing the microphone, never CalmDeck itself', async () => {
    write(['process 10 501 0 com.microsoft.teams2', `process 11 ${process.pid} 1 com.calmdeck.app`])
    const { monitor, changes, statuses } = watch()
    try {
      await waitFor('the monitor on', () => statuses.some((status) => status.state === 'on'))
      expect(statuses.at(-1)).toEqual({ state: 'on', detail: 'CoreAudio processes' })
      write(['process 10 501 1 com.microsoft.teams2', `process 11 ${process.pid} 1 com.calmdeck.app`])
      await waitFor('the call app', () => changes.length === 1)
      expect(changes[0]).toEqual([{ app: 'com.microsoft.teams2', pid: 501, active: true }])
      write(['process 10 501 0 com.microsoft.teams2'])
      await waitFor('the release', () => changes.length === 2)
      expect(changes[1]).toEqual([{ app: 'com.microsoft.teams2', pid: 501, active: false }])
    } finally {
      monitor.stop()
    }
  })

  it('before macOS 14.2 reports the running input device by name, with no pid', async () => {
    write(['noprocesslist', 'device 70 1 1 Jabra Evolve 65', 'device 71 1 0 Speakers'])
    const { monitor, current, statuses } = watch()
    try {
      await waitFor('the device', () => current.length === 1)
      expect(current[0]).toEqual([{ app: 'Jabra Evolve 65', pid: null }])
      expect(statuses.at(-1)?.detail).toMatch(/before 14\.2/)
    } finally {
      monitor.stop()
    }
  })

  it('says so when CoreAudio cannot be loaded, and reports nothing', async () => {
    const { monitor, changes, statuses } = watch({ reader: () => loadCoreAudio() })
    try {
      await waitFor('the status', () => statuses.length > 0)
      expect(statuses).toEqual([
        { state: 'unsupported', detail: expect.stringMatching(/CoreAudio could not be loaded/) },
      ])
      expect(changes).toEqual([])
    } finally {
      monitor.stop()
    }
  })

  it('drives the microphone source end to end: the phone holding the microphone opens a call, releasing it ends it', async () => {
    write(['process 10 501 0 com.microsoft.teams2'])
    const data = tempDir()
    const states: MicState[] = []
    const services = createAppServices({
      dataDir: data.dir,
      host: 'web',
      version: 'test',
      broadcast: (event, payload) => {
        if (event === 'mic:changed') states.push(payload as MicState)
      },
      microphone: {
        monitor: () => new MacMicMonitor({ reader: () => loadCoreAudio(stub), intervalMs: 20 }),
        delaysMs: { start: 100, release: 200 },
      },
    })
    try {
      await services.integrations.start({ apiPort: 0 })
      services.settings.update({ micSource: true, micApps: { 'com.microsoft.teams2': 'phone' } })
      await waitFor('the source on', () => states.at(-1)?.status === 'on')
      write(['process 10 501 1 com.microsoft.teams2'])
      const call = await waitFor('a call', () => services.calls.openCall())
      expect(call.externalId).toMatch(/^microphone:com\.microsoft\.teams2:/)
      write(['process 10 501 0 com.microsoft.teams2'])
      await waitFor('the call to end', () => services.calls.openCall() === null)
    } finally {
      services.close()
      data.cleanup()
    }
  })
})
