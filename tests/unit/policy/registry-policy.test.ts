/**
 * The Windows registry policy off Windows: reg.exe's output recorded by hand in its documented
 * format (CRLF lines, four-space columns) in tests/fixtures/policy/, read by the pure parser and
 * mapped to the policy file's shape; `loadMachinePolicy` with a stand-in for reg.exe.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadMachinePolicy } from '../../../electron/services/policy/policy-file'
import { parseRegQuery } from '../../../electron/services/policy/reg-query'
import { registryPolicy, type RegQueryRun } from '../../../electron/services/policy/registry-policy'
import { parsePolicy } from '../../../shared/policy'
import { tempDir } from '../../helpers/temp-dir'

const fixture = (name: string): string =>
  fs.readFileSync(path.resolve(__dirname, '../../fixtures/policy', name), 'utf8')
const ok = (stdout: string): RegQueryRun => ({ status: 0, stdout, stderr: '' })
const env = { ProgramData: 'C:\\ProgramData' }

describe('parseRegQuery', () => {
  it('reads keys and typed values from CRLF output, empty data included', () => {
    const keys = parseRegQuery(fixture('reg-query-policy.txt'))
    expect(keys.map((key) => key.path)).toEqual([
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck\\Defaults',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck\\Locked',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck\\MicrophoneApps',
    ])
    expect(keys[1]?.values).toEqual([
      { name: 'recoveryMinutes', type: 'REG_DWORD', data: 7 },
      { name: 'opacity', type: 'REG_SZ', data: '0.85' },
      { name: 'exportFormats', type: 'REG_MULTI_SZ', data: ['pdf', 'csv'] },
      { name: 'teamDisplayName', type: 'REG_SZ', data: '' },
    ])
    expect(keys[0]?.values).toContainEqual({ name: 'retentionDays', type: 'REG_DWORD', data: 90 })
    expect(keys[0]?.values).toContainEqual({
      name: 'teamFolder',
      type: 'REG_EXPAND_SZ',
      data: '%ProgramData%\\CalmDeck\\team',
    })
  })

  it('an empty key has no values; the missing-key error has no keys', () => {
    expect(parseRegQuery(fixture('reg-query-policy-empty.txt'))).toEqual([
      { path: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck', values: [] },
    ])
    expect(parseRegQuery(fixture('reg-query-policy-missing.txt'))).toEqual([])
  })
})

describe('registryPolicy', () => {
  it('maps the key, Defaults, Locked and MicrophoneApps onto the policy file shape the schema accepts', () => {
    const { raw, issues } = registryPolicy(ok(fixture('reg-query-policy.txt')), env)
    expect(issues).toEqual([])
    const parsed = parsePolicy(raw)
    expect(parsed.issues).toEqual([])
    expect(parsed.policy).toEqual({
      teamChannelKind: 'webhook',
      teamChannelUrl: 'https://hooks.example.org/calmdeck/secret-path-abc123',
      teamChannelSecret: 'it-secret-42',
      retentionDays: 90,
      teamFolder: 'C:\\ProgramData\\CalmDeck\\team',
      defaults: { recoveryMinutes: 7, opacity: 0.85, exportFormats: ['pdf', 'csv'], agentName: '' },
      locked: {
        theme: 'dark',
        callerNumber: 'off',
        exportRedact: true,
        recoverySound: false,
        hotkeys: { 'help-request': null },
      },
      microphoneApps: { 'microsip.exe': 'phone', 'zoom.exe': 'not-phone' },
    })
  })

  it('reports every bad value with where it is; the good ones still apply', () => {
    const { raw, issues } = registryPolicy(ok(fixture('reg-query-policy-problems.txt')), env)
    expect(issues).toEqual([
      { path: '(registry) teamChannelKind', message: 'unsupported type REG_BINARY' },
      { path: '(registry) Printers', message: 'unknown subkey (use Defaults, Locked or MicrophoneApps)' },
    ])
    const parsed = parsePolicy(raw)
    expect(parsed.policy).toEqual({ locked: { startAtLogin: true } })
    expect(parsed.issues.map((issue) => issue.path).sort()).toEqual(
      ['colour', 'locked.nonsense', 'locked.theme', 'microphoneApps.zoom.exe', 'retentionDays'].sort(),
    )
  })

  it('no key (exit 1 with the error text) is no policy; reg.exe that cannot run or fails otherwise is an issue', () => {
    const missing = { status: 1, stdout: '', stderr: fixture('reg-query-policy-missing.txt') }
    expect(registryPolicy(missing, env)).toEqual({ raw: {}, issues: [] })
    expect(registryPolicy(ok(fixture('reg-query-policy-empty.txt')), env)).toEqual({ raw: {}, issues: [] })
    expect(registryPolicy({ status: null, stdout: '', stderr: '', error: 'ETIMEDOUT' }, env).issues).toEqual([
      { path: '(registry)', message: 'reg.exe did not run (ETIMEDOUT)' },
    ])
    expect(registryPolicy({ status: 5, stdout: '', stderr: 'ERROR: Access is denied.\r\n' }, env).issues).toEqual([
      { path: '(registry)', message: 'reg query failed (5): ERROR: Access is denied.' },
    ])
  })
})

describe('loadMachinePolicy', () => {
  it('never runs reg.exe off Windows', () => {
    let runs = 0
    const runRegistry = (): RegQueryRun => {
      runs++
      return ok(fixture('reg-query-policy.txt'))
    }
    expect(loadMachinePolicy('linux', {}, { file: '/nonexistent/policy.json', runRegistry }).view().locked).toEqual([])
    loadMachinePolicy('darwin', {}, { file: '/nonexistent/policy.json', runRegistry })
    expect(runs).toBe(0)
  })

  it('on Windows merges the policy file and the registry, the registry winning entry by entry', () => {
    const { dir, cleanup } = tempDir()
    try {
      const file = path.join(dir, 'policy.json')
      fs.writeFileSync(
        file,
        JSON.stringify({
          locked: { theme: 'light', opacity: 0.9 },
          teamChannelKind: 'slack',
          teamChannelUrl: 'https://hooks.slack.com/services/T0/B0/x',
          retentionDays: 30,
        }),
      )
      const policy = loadMachinePolicy('win32', env, { file, runRegistry: () => ok(fixture('reg-query-policy.txt')) })
      expect(policy.issues).toEqual([])
      expect(policy.locked).toMatchObject({ theme: 'dark', opacity: 0.9, callerNumber: 'off', retentionDays: 90 })
      // The team channel is one entry: the registry's kind, URL and secret, none of the file's.
      expect(policy.endpoint).toEqual({
        kind: 'webhook',
        url: 'https://hooks.example.org/calmdeck/secret-path-abc123',
        secret: 'it-secret-42',
      })
      const bad = loadMachinePolicy('win32', env, {
        file,
        runRegistry: () => ok(fixture('reg-query-policy-problems.txt')),
      })
      expect(bad.locked).toMatchObject({ theme: 'light', startAtLogin: true, retentionDays: 30 })
      expect(bad.issues.map((issue) => issue.path)).toContain('(registry) locked.theme')
    } finally {
      cleanup()
    }
  })
})
