/**
 * The Windows Core Audio path off Windows: the parser on lines written by hand in the format
 * `resources/mic/capture-sessions.ps1` prints (never recorded on Windows), and the monitor
 * against a real child process replaying them, falling back to the registry (here `reg` does
 * not exist, so the fallback says the registry is not readable).
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { MicChange, MicMonitorStatus } from '../../../../electron/services/integrations/mic/monitor'
import { findResource } from '../../../../electron/services/integrations/mic/resource-file'
import { WindowsMicMonitor } from '../../../../electron/services/integrations/mic/windows-monitor'
import { parseSessionLine } from '../../../../electron/services/integrations/mic/windows-sessions-parse'
import { waitFor } from '../../../helpers/pulse'

const fixture = path.resolve(__dirname, '../../../fixtures/mic/capture-sessions.jsonl')
const lines = fs.readFileSync(fixture, 'utf8').split('\n')

describe('Core Audio session lines', () => {
  it('reads arrays, PowerShell 5.1 bare objects, errors, and skips what is not a line of the script', () => {
    expect(lines.map(parseSessionLine)).toEqual([
      { ok: true, uses: [] },
      null,
      { ok: true, uses: [{ app: 'MicroSIP.exe', pid: 4242 }] },
      {
        ok: true,
        uses: [
          { app: 'MicroSIP.exe', pid: 4242 },
          { app: 'ms-teams.exe', pid: 9120 },
        ],
      },
      { ok: true, uses: [{ app: 'ms-teams.exe', pid: 9120 }] },
      { ok: false, error: 'COMException' },
      null,
      null,
    ])
    expect(parseSessionLine('{"ok":true,"sessions":[{"pid":-1,"exe":"x.exe"}]}')).toBeNull()
    expect(parseSessionLine('{"ok":false,"error":"bad name\\u0000 C:\\\\Users\\\\x"}')).toEqual({
      ok: false,
      error: 'badnameCUsersx',
    })
  })

  it('the script ships in resources/ and is found from the source tree', () => {
    const script = findResource('mic/capture-sessions.ps1', __dirname)
    expect(script).not.toBeNull()
    const text = fs.readFileSync(script ?? '', 'utf8')
    for (const name of ['IAudioSessionManager2', 'GetSessionEnumerator', 'GetProcessId', 'EnumAudioEndpoints'])
      expect(text).toContain(name)
  })
})

describe('WindowsMicMonitor with a process printing the recorded lines', () => {
  function replay(upTo: number, stayMs: number) {
    const script = `const lines = ${JSON.stringify(lines.slice(0, upTo))}; let i = 0;
      const next = () => { if (i < lines.length) { console.log(lines[i++]); setTimeout(next, 30) } else setTimeout(() => {}, ${stayMs}) };
      next()`
    return { file: process.execPath, args: ['-e', script] }
  }

  it('follows the sessions, then falls back to the registry when Core Audio reports an error', async () => {
    const changes: MicChange[] = []
    const statuses: MicMonitorStatus[] = []
    const monitor = new WindowsMicMonitor({ sessions: replay(6, 10_000), intervalMs: 60_000 })
    monitor.start({ onChange: (batch) => changes.push(...batch), onStatus: (status) => statuses.push(status) })
    try {
      await waitFor('the fallback', () => statuses.some((status) => status.detail?.startsWith('registry')))
      expect(changes).toEqual([
        { app: 'MicroSIP.exe', pid: 4242, active: true },
        { app: 'ms-teams.exe', pid: 9120, active: true },
        { app: 'MicroSIP.exe', pid: 4242, active: false },
      ])
      expect(statuses[0]).toEqual({ state: 'on', detail: 'Core Audio sessions' })
      expect(statuses.at(-1)?.state).toBe('waiting')
    } finally {
      monitor.stop()
    }
  })

  it('falls back when the reader cannot start or exits', async () => {
    for (const sessions of [{ file: '/nonexistent/powershell.exe', args: [] }, replay(3, 0)]) {
      const statuses: MicMonitorStatus[] = []
      const monitor = new WindowsMicMonitor({ sessions, intervalMs: 60_000 })
      monitor.start({ onChange: () => {}, onStatus: (status) => statuses.push(status) })
      try {
        await waitFor('the fallback', () => statuses.some((status) => status.detail?.startsWith('registry')))
      } finally {
        monitor.stop()
      }
    }
  })
})
