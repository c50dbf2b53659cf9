/**
 * `calmdeck policy` (`npm run policy`, `--print-policy`): a real policy file, the registry through
 * a stand-in for reg.exe that hands over a recorded export (registry-wine.test.ts runs the real
 * reg.exe under Wine), its JSON, its exit status and its usage in the system's language.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runPolicyCli, type PolicyCliIo } from '../../../electron/cli/policy'
import type { PolicyReport } from '../../../electron/services/policy/policy-report'
import type { RegCommand } from '../../../electron/services/policy/registry-policy'
import { hostTexts } from '../../../shared/i18n/host-catalog'
import { tempDir } from '../../helpers/temp-dir'

const KEY = 'HKLM\\Software\\Policies\\CalmDeck'
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

/** reg.exe exporting the recorded policy key. */
const recordedReg: RegCommand = (args) => {
  fs.copyFileSync(path.resolve(__dirname, '../../fixtures/policy/reg-export-policy.reg'), args[2] ?? '')
  return { status: 0, stdout: '', stderr: '' }
}

function run(argv: string[], io: Partial<PolicyCliIo> = {}) {
  const out: string[] = []
  const err: string[] = []
  const code = runPolicyCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { LANG: 'en_GB.UTF-8', ProgramData: 'C:\\ProgramData' },
    platform: 'linux',
    ...io,
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

function policyFile(content: unknown): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const file = path.join(dir, 'policy.json')
  fs.writeFileSync(file, JSON.stringify(content))
  return file
}

describe('calmdeck policy', () => {
  it('prints each entry of a policy file with its source and lock, the secrets masked; exit 0', () => {
    const file = policyFile({
      defaults: { recoveryMinutes: 7 },
      locked: { theme: 'dark' },
      teamChannelKind: 'webhook',
      teamChannelUrl: 'https://hooks.example.org/calmdeck/SECRETPATH',
      teamChannelSecret: 'SECRETVALUE',
      retentionDays: 90,
    })
    const { code, out, err } = run(['--policy', file])
    expect(err).toBe('')
    expect(code).toBe(0)
    expect(out).not.toMatch(/SECRETPATH|SECRETVALUE/)
    const report = JSON.parse(out) as PolicyReport
    expect(report).toEqual({
      sources: [{ kind: 'file', source: file, found: true }],
      entries: [
        { path: 'defaults.recoveryMinutes', value: 7, source: file, locked: false },
        { path: 'locked.theme', value: 'dark', source: file, locked: true },
        { path: 'retentionDays', value: 90, source: file, locked: true },
        { path: 'teamChannelKind', value: 'webhook', source: file, locked: true },
        { path: 'teamChannelSecret', value: '…', source: file, locked: true },
        { path: 'teamChannelUrl', value: 'https://hooks.example.org/…', source: file, locked: true },
      ],
      locked: ['retentionDays', 'theme'],
      microphoneApps: [],
      teamChannel: true,
      deck: false,
      problems: [],
    })
  })

  it('with --registry merges the registry, naming the key each entry came from; problems make exit 1', () => {
    const file = policyFile({ locked: { theme: 'light', opacity: 0.9, nonsense: 1 }, retentionDays: 30 })
    const { code, out } = run(['--registry', '--policy', file], { reg: recordedReg })
    expect(code).toBe(1)
    const report = JSON.parse(out) as PolicyReport
    expect(report.sources).toEqual([
      { kind: 'file', source: file, found: true },
      { kind: 'registry', source: KEY, found: true },
    ])
    const source = Object.fromEntries(report.entries.map((entry) => [entry.path, entry.source]))
    expect(source).toMatchObject({
      'locked.theme': `${KEY}\\Locked`,
      'locked.opacity': file,
      retentionDays: KEY,
      'defaults.exportFormats': `${KEY}\\Defaults`,
      'microphoneApps.zoom.exe': `${KEY}\\MicrophoneApps`,
    })
    expect(report.entries.find((entry) => entry.path === 'locked.theme')?.value).toBe('dark')
    expect(report.problems).toEqual([{ path: 'locked.nonsense', message: 'unknown setting' }])
  })

  it('never reads the registry off Windows without --registry', () => {
    let runs = 0
    const { code, out } = run(['--policy', '/nonexistent/policy.json'], {
      reg: (args) => (runs++, recordedReg(args)),
    })
    expect(runs).toBe(0)
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({
      sources: [{ kind: 'file', source: '/nonexistent/policy.json', found: false }],
      entries: [],
      problems: [],
    })
  })

  it('a reg.exe that cannot run is a problem with its path', () => {
    const { code, out } = run(['--registry', '--policy', '/nonexistent/policy.json'], {
      reg: () => ({ status: null, stdout: '', stderr: '', error: 'ENOENT' }),
    })
    expect(code).toBe(1)
    expect((JSON.parse(out) as PolicyReport).problems).toEqual([
      { path: '(registry)', message: 'reg.exe did not run (ENOENT)' },
    ])
  })

  it('answers wrong arguments with the usage and exit 2, in the system language, changing nothing', () => {
    for (const argv of [['--nope'], ['--policy'], ['extra'], ['--policy', '']]) {
      const { code, out, err } = run(argv)
      expect(code, argv.join(' ')).toBe(2)
      expect(out).toBe('')
      expect(err).toMatch(/^calmdeck policy: wrong arguments \(.+\)\n\nUsage: npm run policy/)
      expect(err).not.toMatch(/\n\s+at /)
    }
    const dutch = run(['--nope'], { env: { LANG: 'nl_NL.UTF-8' } })
    expect(dutch.err).toContain(hostTexts.nl.policyCli.usage)
    expect(dutch.err).toMatch(/^calmdeck policy: verkeerde argumenten/)
    const help = run(['--help'], { env: { LC_ALL: 'hr_HR.UTF-8' } })
    expect(help).toEqual({ code: 0, out: hostTexts.hr.policyCli.usage, err: '' })
  })

  it('runs from the build output (out/main/policy.js), as npm run policy does', () => {
    const file = policyFile({ locked: { theme: 'dark' } })
    const entry = path.resolve(__dirname, '../../../out/main/policy.js')
    const ok = spawnSync(process.execPath, [entry, '--policy', file], { encoding: 'utf8' })
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(0)
    expect((JSON.parse(ok.stdout) as PolicyReport).locked).toEqual(['theme'])
    const bad = spawnSync(process.execPath, [entry, '--registry=yes'], { encoding: 'utf8' })
    expect(bad.status).toBe(2)
    expect(bad.stdout).toBe('')
  })
})
