import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { diffUses, uniqueUses } from '../../../../electron/services/integrations/mic/monitor'
import { isCaptureEvent, pulseMicUses } from '../../../../electron/services/integrations/mic/pactl-parse'
import { parseConsentStore, windowsMicUses } from '../../../../electron/services/integrations/mic/windows-parse'

const fixture = (name: string): string =>
  fs.readFileSync(path.resolve(__dirname, '../../../fixtures/mic', name), 'utf8')

describe('pactl output (recorded from PulseAudio 16 here)', () => {
  it('names the app recording from the microphone and ignores the monitor recording', () => {
    const uses = pulseMicUses(fixture('pactl-short-sources.txt'), fixture('pactl-source-outputs.txt'))
    expect(uses).toHaveLength(1)
    expect(uses[0]?.app).toBe('pacat')
    expect(uses[0]?.pid).toBeGreaterThan(0)
  })

  it('falls back to the application name and reads no unknown source as a microphone', () => {
    const outputs = 'Source Output #7\n\tSource: 3\n\tProperties:\n\t\tapplication.name = "Zoom \\"Meetings\\""\n'
    expect(pulseMicUses('3\talsa_input.usb-headset\tmodule-alsa-card.c\n', outputs)).toEqual([
      { app: 'Zoom "Meetings"', pid: null },
    ])
    expect(pulseMicUses('', outputs)).toEqual([])
  })

  it('reacts to capture events only', () => {
    expect(isCaptureEvent("Event 'new' on source-output #12")).toBe(true)
    expect(isCaptureEvent("Event 'remove' on source-output #0")).toBe(true)
    expect(isCaptureEvent("Event 'new' on sink-input #3")).toBe(false)
    expect(isCaptureEvent("Event 'change' on client #4")).toBe(false)
    expect(isCaptureEvent("Event 'change' on source-output #2")).toBe(true)
    expect(isCaptureEvent("Event 'new' on source #5")).toBe(true)
    expect(isCaptureEvent("Event 'remove' on source #5")).toBe(true)
    // Volume steps and suspends: many per call, never a new holder.
    expect(isCaptureEvent("Event 'change' on source #1")).toBe(false)
  })
})

describe('Windows CapabilityAccessManager (reg query output written to the documented format)', () => {
  it('reads every entry and whether it is in use', () => {
    expect(parseConsentStore(fixture('reg-query-consent.txt'))).toEqual([
      { app: 'Microsoft.WindowsSoundRecorder_8wekyb3d8bbwe', inUse: false },
      { app: 'MSTeams_8wekyb3d8bbwe', inUse: true },
      { app: 'microsip.exe', inUse: true },
      { app: 'chrome.exe', inUse: false },
      { app: 'Zoiper5.exe', inUse: true },
    ])
  })

  it('counts a program only while it runs (an entry sticks "in use" after a crash)', () => {
    expect(windowsMicUses(fixture('reg-query-consent.txt'), fixture('tasklist.csv'))).toEqual([
      { app: 'MSTeams_8wekyb3d8bbwe', pid: null },
      { app: 'microsip.exe', pid: 4242 },
    ])
  })
})

describe('diffUses', () => {
  it('names each process that came or went', () => {
    const a = { app: 'baresip', pid: 1 }
    const b = { app: 'pacat', pid: 2 }
    expect(diffUses([a], [b])).toEqual([
      { ...b, active: true },
      { ...a, active: false },
    ])
    expect(diffUses([a, b], [b, a])).toEqual([])
  })
})

describe('uniqueUses', () => {
  it('keeps each process once, without control characters and at most 200 characters', () => {
    const long = 'x'.repeat(300)
    expect(
      uniqueUses([
        { app: 'bare\u0007sip', pid: 1 },
        { app: 'baresip', pid: 1 },
        { app: long, pid: 2 },
        { app: '\u0001', pid: 3 },
      ]),
    ).toEqual([
      { app: 'baresip', pid: 1 },
      { app: 'x'.repeat(200), pid: 2 },
    ])
  })
})

describe('app ids at the boundary', () => {
  it('refuses prototype keys as app names, in answers and in settings', async () => {
    const { micAnswerSchema } = await import('../../../../shared/mic')
    const { settingsPatchSchema } = await import('../../../../shared/settings')
    expect(micAnswerSchema.safeParse({ kind: 'phone', app: '__proto__', answer: 'yes' }).success).toBe(false)
    expect(micAnswerSchema.safeParse({ kind: 'phone', app: 'microsip.exe', answer: 'yes' }).success).toBe(true)
    const patch = settingsPatchSchema.safeParse({ micApps: JSON.parse('{"__proto__":"phone","constructor":"phone"}') })
    // Refused or dropped, never kept as a key.
    expect(patch.success ? Object.keys(patch.data.micApps ?? {}) : []).toEqual([])
    expect(uniqueUses([{ app: 'constructor', pid: 1 }])).toEqual([])
  })
})
