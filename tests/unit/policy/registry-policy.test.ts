/**
 * The Windows registry policy off Windows: `reg export` files recorded with Wine's reg.exe
 * (tests/fixtures/policy/record-reg-exports.sh) and hand-written ones in the format regedit and
 * reg.exe write, read by the pure parser and mapped to the policy file's shape;
 * `readPolicyKey` and `loadMachinePolicy` with a stand-in for reg.exe. The same reader against
 * Wine's real reg.exe, with no file in between, is in registry-wine.test.ts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadMachinePolicy } from '../../../electron/services/policy/policy-file'
import { decodeRegFile, parseRegFile } from '../../../electron/services/policy/reg-file'
import {
  readPolicyKey,
  registryPolicy,
  type RegCommand,
  type RegRun,
} from '../../../electron/services/policy/registry-policy'
import { parsePolicy } from '../../../shared/policy'
import { tempDir } from '../../helpers/temp-dir'

const fixtureBytes = (name: string): Buffer => fs.readFileSync(path.resolve(__dirname, '../../fixtures/policy', name))
const fixture = (name: string): string => decodeRegFile(fixtureBytes(name))
const env = { ProgramData: 'C:\\ProgramData' }
const KEY = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck'

/** A .reg file as reg.exe writes it: UTF-16LE with a BOM, CRLF lines. */
const regFile = (...lines: string[]): string =>
  ['Windows Registry Editor Version 5.00', '', ...lines, '', ''].join('\r\n')
const utf16Hex = (text: string): string =>
  [...Buffer.from(text, 'utf16le')].map((byte) => byte.toString(16).padStart(2, '0')).join(',')

describe('parseRegFile', () => {
  it('reads every type as written, with the default value named "" in any language', () => {
    const text = regFile(
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CalmDeck]',
      '@="(Podrazumijevano) is only reg query\'s name for me"',
      '"teamFolder"="\\\\\\\\srv\\\\timovi\\\\Podrška – Ž ë Ø"',
      '"quote \\"and\\" \\\\slash"="a \\"quoted\\" \\\\ text"',
      '"empty"=""',
      '"json"="{\\"help-request\\":null,\\"x\\":[1,\\"y\\"]}"',
      '"zero"=dword:00000000',
      '"max"=dword:ffffffff',
      '"small"=hex(b):5a,00,00,00,00,00,00,00',
      '"safe"=hex(b):ff,ff,ff,ff,ff,ff,1f,00',
      '"huge"=hex(b):01,00,00,00,00,00,20,00',
      '"list"=hex(7):70,00,64,00,66,00,00,00,\\',
      '  63,00,73,00,76,00,00,00,7d,01,00,00,00,00',
      '"emptyList"=hex(7):00,00',
      `"expand"=hex(2):${utf16Hex('%ProgramData%\\Ž\0')}`,
      `"sz"=hex(1):${utf16Hex('Ørsted\0')}`,
      '"bytes"=hex:01,02,ff',
      '"none"=hex(0):',
      '"links"=hex(8):00',
      '',
      '[HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CalmDeck\\Defaults]',
      '"multi line"="first\r\nsecond"',
      '"wine"="tab\\\\n\\nnew"',
    )
    const { keys, errors } = parseRegFile(text)
    expect(errors).toEqual([])
    expect(keys.map((key) => key.path)).toEqual([
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CalmDeck',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CalmDeck\\Defaults',
    ])
    expect(keys[0]?.values).toEqual([
      { name: '', type: 'REG_SZ', data: "(Podrazumijevano) is only reg query's name for me" },
      { name: 'teamFolder', type: 'REG_SZ', data: '\\\\srv\\timovi\\Podrška – Ž ë Ø' },
      { name: 'quote "and" \\slash', type: 'REG_SZ', data: 'a "quoted" \\ text' },
      { name: 'empty', type: 'REG_SZ', data: '' },
      { name: 'json', type: 'REG_SZ', data: '{"help-request":null,"x":[1,"y"]}' },
      { name: 'zero', type: 'REG_DWORD', data: 0 },
      { name: 'max', type: 'REG_DWORD', data: 4294967295 },
      { name: 'small', type: 'REG_QWORD', data: 90n },
      { name: 'safe', type: 'REG_QWORD', data: 9007199254740991n },
      { name: 'huge', type: 'REG_QWORD', data: 9007199254740993n },
      { name: 'list', type: 'REG_MULTI_SZ', data: ['pdf', 'csv', 'Ž'] },
      { name: 'emptyList', type: 'REG_MULTI_SZ', data: [] },
      { name: 'expand', type: 'REG_EXPAND_SZ', data: '%ProgramData%\\Ž' },
      { name: 'sz', type: 'REG_SZ', data: 'Ørsted' },
      { name: 'bytes', type: 'other', regType: 'REG_BINARY', bytes: Buffer.from([1, 2, 255]) },
      { name: 'none', type: 'other', regType: 'REG_NONE', bytes: Buffer.alloc(0) },
      { name: 'links', type: 'other', regType: 'REG_RESOURCE_LIST', bytes: Buffer.from([0]) },
    ])
    expect(keys[1]?.values).toEqual([
      { name: 'multi line', type: 'REG_SZ', data: 'first\r\nsecond' },
      { name: 'wine', type: 'REG_SZ', data: 'tab\\n\nnew' },
    ])
  })

  it('reads the UTF-16LE bytes reg export writes (recorded with reg.exe), subkeys and continuations included', () => {
    const bytes = fixtureBytes('reg-export-policy.reg')
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x57, 0x00])
    const { keys, errors } = parseRegFile(decodeRegFile(bytes))
    expect(errors).toEqual([])
    expect(keys.map((key) => key.path)).toEqual([KEY, `${KEY}\\Defaults`, `${KEY}\\Locked`, `${KEY}\\MicrophoneApps`])
    expect(keys[0]?.values).toContainEqual({
      name: 'teamFolder',
      type: 'REG_EXPAND_SZ',
      data: '%ProgramData%\\CalmDeck\\team',
    })
    expect(keys[1]?.values).toEqual([
      { name: 'exportFormats', type: 'REG_MULTI_SZ', data: ['pdf', 'csv'] },
      { name: 'opacity', type: 'REG_SZ', data: '0.85' },
      { name: 'recoveryMinutes', type: 'REG_DWORD', data: 7 },
      { name: 'teamDisplayName', type: 'REG_SZ', data: '' },
    ])
  })

  it('names each line it cannot read and keeps the others; a file without the header is no export', () => {
    const { keys, errors } = parseRegFile(
      regFile(
        `[${KEY}]`,
        '"ok"="yes"',
        'garbage',
        '"short"=hex(b):01,02',
        '"dword"=dword:xyz',
        '"trailing"="a" b',
        '"odd"=hex(1):41,00,42',
        '"after"=dword:00000001',
        '"open"="never closed',
      ),
    )
    expect(keys[0]?.values).toEqual([
      { name: 'ok', type: 'REG_SZ', data: 'yes' },
      { name: 'after', type: 'REG_DWORD', data: 1 },
    ])
    expect(errors).toEqual([
      { line: 5, message: 'a value must start with "name"= or @=' },
      { line: 6, message: 'a REG_QWORD has 8 bytes, not 2' },
      { line: 7, message: 'dword: needs up to 8 hex digits' },
      { line: 8, message: 'unexpected text after the value' },
      { line: 9, message: 'UTF-16 text with an odd number of bytes' },
      { line: 11, message: 'a quoted text is not closed' },
    ])
    expect(parseRegFile('"a"="b"\r\n')).toEqual({
      keys: [],
      errors: [{ line: 1, message: 'not a registry export (no "Windows Registry Editor Version 5.00")' }],
    })
    expect(parseRegFile('')).toMatchObject({ keys: [], errors: [{ line: 1 }] })
  })

  it('skips comments and deletions, which an export never writes', () => {
    const { keys, errors } = parseRegFile(
      regFile('; a comment', `[-${KEY}\\Old]`, '"gone"="x"', `[${KEY}]`, '"removed"=-', '"kept"="y"'),
    )
    expect(errors).toEqual([])
    expect(parseRegFile(regFile('"early"="x"', `[${KEY}`)).errors).toEqual([
      { line: 3, message: 'a value before any [key] line' },
      { line: 4, message: 'a key line must be [HKEY_…]' },
    ])
    expect(keys).toEqual([{ path: KEY, values: [{ name: 'kept', type: 'REG_SZ', data: 'y' }] }])
  })
})

describe('registryPolicy', () => {
  it('maps the key, Defaults, Locked and MicrophoneApps onto the policy file shape the schema accepts', () => {
    const { raw, issues } = registryPolicy({ kind: 'found', text: fixture('reg-export-policy.reg') }, env)
    expect(issues).toEqual([])
    const parsed = parsePolicy(raw)
    expect(parsed.issues).toEqual([])
    expect(parsed.policy).toEqual({
      teamChannelKind: 'webhook',
      teamChannelUrl: 'https://hooks.example.org/calmdeck/secret-path-abc123',
      teamChannelSecret: 'it-secret-42',
      retentionDays: 90,
      teamFolder: 'C:\\ProgramData\\CalmDeck\\team',
      defaults: { recoveryMinutes: 7, opacity: 0.85, exportFormats: ['pdf', 'csv'], teamDisplayName: '' },
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

  it('reports every bad value with where it is (a QWORD beyond 2^53 too); the good ones still apply', () => {
    const { raw, issues } = registryPolicy({ kind: 'found', text: fixture('reg-export-policy-problems.reg') }, env)
    expect(issues).toEqual([
      {
        path: '(registry) deck',
        message: 'REG_QWORD 18446744073709551615 is larger than 2^53 − 1 and cannot be read exactly',
      },
      { path: '(registry) teamChannelKind', message: 'unsupported type REG_BINARY' },
      { path: '(registry) Printers', message: 'unknown subkey (use Defaults, Locked or MicrophoneApps)' },
    ])
    const parsed = parsePolicy(raw)
    expect(parsed.policy).toEqual({ locked: { startAtLogin: true } })
    expect(parsed.issues.map((issue) => issue.path).sort()).toEqual(
      ['colour', 'locked.nonsense', 'locked.theme', 'microphoneApps.zoom.exe', 'retentionDays'].sort(),
    )
  })

  it('a QWORD up to 2^53 − 1 is a number; unreadable lines are problems with their line', () => {
    const text = regFile(`[${KEY}\\Defaults]`, '"recoveryMinutes"=hex(b):05,00,00,00,00,00,00,00', 'junk')
    expect(registryPolicy({ kind: 'found', text }, env)).toEqual({
      raw: { defaults: { recoveryMinutes: 5 } },
      issues: [{ path: '(registry) line 5', message: 'a value must start with "name"= or @=' }],
    })
  })

  it('no key, and a key with only its default value, is no policy and no problem; a failure is one', () => {
    expect(registryPolicy({ kind: 'missing' }, env)).toEqual({ raw: {}, issues: [] })
    expect(registryPolicy({ kind: 'found', text: fixture('reg-export-policy-default-only.reg') }, env)).toEqual({
      raw: {},
      issues: [],
    })
    expect(registryPolicy({ kind: 'failed', message: 'reg.exe did not run (ETIMEDOUT)' }, env).issues).toEqual([
      { path: '(registry)', message: 'reg.exe did not run (ETIMEDOUT)' },
    ])
  })
})

/**
 * A stand-in for reg.exe: `reg export` writes `exported` (or fails with exit 1, as reg.exe does for
 * any failure), `reg query <parent>` answers from `listings` (a missing one: exit 1).
 */
function standIn(exported: Buffer | null, listings: Record<string, string> = {}) {
  const calls: string[][] = []
  const reg: RegCommand = (args): RegRun => {
    calls.push([...args])
    if (args[0] === 'export') {
      if (exported === null) return { status: 1, stdout: '', stderr: 'ERROR: Pristup je odbijen.\r\n' }
      fs.writeFileSync(args[2] ?? '', exported)
      return { status: 0, stdout: 'The operation completed successfully.\r\n', stderr: '' }
    }
    const listing = listings[args[1] ?? '']
    return listing === undefined
      ? { status: 1, stdout: '', stderr: 'ERROR: The system was unable to find the specified registry key or value.' }
      : { status: 0, stdout: listing, stderr: '' }
  }
  return { reg, calls }
}

/** `reg query <parent>` as Windows prints it: the parent's values, then each subkey's full path. */
const listing = (parent: string, ...subkeys: string[]): string =>
  ['', `HKEY_LOCAL_MACHINE\\${parent}`, '    (Default)    REG_SZ    (value not set)', '']
    .concat(
      subkeys.map((sub) => `HKEY_LOCAL_MACHINE\\${parent}\\${sub}`),
      [''],
    )
    .join('\r\n')

describe('readPolicyKey', () => {
  it('exports the key with /reg:64 into a private temporary folder, reads it, and removes the folder', () => {
    const { dir, cleanup } = tempDir()
    try {
      const { reg, calls } = standIn(fixtureBytes('reg-export-policy.reg'))
      const read = readPolicyKey(reg, dir)
      expect(read).toEqual({ kind: 'found', text: fixture('reg-export-policy.reg') })
      expect(calls).toHaveLength(1)
      const [command, key, file, ...flags] = calls[0] ?? []
      expect([command, key, flags]).toEqual(['export', 'HKLM\\Software\\Policies\\CalmDeck', ['/reg:64', '/y']])
      expect(path.dirname(path.dirname(file ?? ''))).toBe(dir)
      expect(fs.readdirSync(dir)).toEqual([])
    } finally {
      cleanup()
    }
  })

  it('is "missing" only when the parent key lists no CalmDeck (or is missing itself), in any language', () => {
    const { dir, cleanup } = tempDir()
    try {
      const noKey = standIn(null, { 'HKLM\\Software\\Policies': listing('Software\\Policies', 'Microsoft') })
      expect(readPolicyKey(noKey.reg, dir)).toEqual({ kind: 'missing' })
      expect(noKey.calls.map((call) => call.slice(0, 2))).toEqual([
        ['export', 'HKLM\\Software\\Policies\\CalmDeck'],
        ['query', 'HKLM\\Software\\Policies'],
      ])
      const noPolicies = standIn(null, { 'HKLM\\Software': listing('Software', 'Classes', 'PoliciesOld') })
      expect(readPolicyKey(noPolicies.reg, dir)).toEqual({ kind: 'missing' })
      // The key is there (any case) but cannot be exported: a problem, with reg.exe's own words.
      const denied = standIn(null, { 'HKLM\\Software\\Policies': listing('Software\\Policies', 'CALMDECK') })
      expect(readPolicyKey(denied.reg, dir)).toEqual({
        kind: 'failed',
        message: 'reg export failed (1): ERROR: Pristup je odbijen.',
      })
      expect(readPolicyKey(() => ({ status: null, stdout: '', stderr: '', error: 'ENOENT' }), dir)).toEqual({
        kind: 'failed',
        message: 'reg.exe did not run (ENOENT)',
      })
      expect(fs.readdirSync(dir)).toEqual([])
    } finally {
      cleanup()
    }
  })

  it('reports a temporary folder it cannot make', () => {
    const { reg, calls } = standIn(fixtureBytes('reg-export-policy.reg'))
    expect(readPolicyKey(reg, '/nonexistent/calmdeck')).toEqual({
      kind: 'failed',
      message: 'no temporary folder for reg export (ENOENT)',
    })
    expect(calls).toEqual([])
  })
})

describe('loadMachinePolicy', () => {
  it('never runs reg.exe off Windows unless asked to', () => {
    const { reg, calls } = standIn(fixtureBytes('reg-export-policy.reg'))
    expect(loadMachinePolicy('linux', {}, { file: '/nonexistent/policy.json', reg }).view().locked).toEqual([])
    loadMachinePolicy('darwin', {}, { file: '/nonexistent/policy.json', reg })
    expect(calls).toEqual([])
    const asked = loadMachinePolicy('linux', env, { file: '/nonexistent/policy.json', reg, registry: true })
    expect(calls).toHaveLength(1)
    expect(asked.locked).toMatchObject({ theme: 'dark', retentionDays: 90 })
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
      const policy = loadMachinePolicy('win32', env, { file, reg: standIn(fixtureBytes('reg-export-policy.reg')).reg })
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
        reg: standIn(fixtureBytes('reg-export-policy-problems.reg')).reg,
      })
      expect(bad.locked).toMatchObject({ theme: 'light', startAtLogin: true, retentionDays: 30 })
      expect(bad.issues.map((issue) => issue.path)).toContain('(registry) locked.theme')
      const missing = loadMachinePolicy('win32', env, {
        file,
        reg: standIn(null, { 'HKLM\\Software\\Policies': listing('Software\\Policies') }).reg,
      })
      expect(missing.issues).toEqual([])
      expect(missing.locked).toMatchObject({ theme: 'light', retentionDays: 30 })
    } finally {
      cleanup()
    }
  })
})
