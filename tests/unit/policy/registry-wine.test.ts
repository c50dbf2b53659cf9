/**
 * The registry policy end to end against a real reg.exe: Wine's (Debian: apt-get install wine64;
 * .ci/run installs it). A fresh WINEPREFIX in a temporary folder, a `reg` script on PATH that
 * runs `wine64 reg "$@"`, values of every type written with `reg add`, and the real reader
 * (`reg export` into a temporary file, the .reg parser, the policy mapping, `calmdeck policy`)
 * reading them back with no fixture in between, in a Croatian display language. Fails (never
 * skips) without Wine. The wineserver of the prefix is killed at the end.
 */
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runPolicyCli } from '../../../electron/cli/policy'
import type { PolicyReport } from '../../../electron/services/policy/policy-report'
import { parseRegFile, type RegValue } from '../../../electron/services/policy/reg-file'
import { readPolicyKey, regCommand } from '../../../electron/services/policy/registry-policy'
import { tempDir } from '../../helpers/temp-dir'

const KEY = 'HKLM\\Software\\Policies\\CalmDeck'
const FULL_KEY = 'HKEY_LOCAL_MACHINE\\Software\\Policies\\CalmDeck'

/** wine64 and its wineserver: on PATH, or where Debian's wine64 package puts them. */
function findWine(): { wine: string; wineserver: string } {
  const onPath = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
  const wine = onPath('wine64') || (fs.existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : '')
  if (!wine)
    throw new Error(
      "wine64 is not installed: this test needs Wine's real reg.exe (Debian: apt-get install wine64; .ci/run installs it).",
    )
  const beside = path.join(path.dirname(fs.realpathSync(wine)), 'wineserver')
  return { wine, wineserver: fs.existsSync(beside) ? beside : onPath('wineserver') || 'wineserver' }
}

/** Every value written, by subkey ('' for the key itself), as the parser must give it back. */
const written: Record<string, { type: string; data: string; expected: RegValue }[]> = {
  '': [
    { type: 'REG_SZ', data: 'Postavio IT – Ž', expected: { name: '', type: 'REG_SZ', data: 'Postavio IT – Ž' } },
    sz('teamChannelKind', 'webhook'),
    sz('teamChannelUrl', 'https://hooks.example.org/calmdeck/Ž-ë-path'),
    sz('teamChannelSecret', ''),
    dword('retentionDays', '0', 0),
    {
      type: 'REG_EXPAND_SZ',
      data: '%ProgramData%\\Podrška – Ž ë Ø',
      expected: { name: 'teamFolder', type: 'REG_EXPAND_SZ', data: '%ProgramData%\\Podrška – Ž ë Ø' },
    },
  ],
  Defaults: [
    sz('agentName', 'Anneloes Vermeulen-Ørsted'),
    { type: 'REG_QWORD', data: '7', expected: { name: 'recoveryMinutes', type: 'REG_QWORD', data: 7n } },
    {
      type: 'REG_MULTI_SZ',
      data: 'pdf\\0csv',
      expected: { name: 'exportFormats', type: 'REG_MULTI_SZ', data: ['pdf', 'csv'] },
    },
    sz('opacity', '0.85'),
    dword('startInTray', '0', 0),
    dword('teamFolderPdf', '1', 1),
  ],
  Locked: [
    sz('theme', 'dark'),
    sz('locale', 'hr'),
    sz('callerNumber', 'off'),
    dword('exportRedact', '1', 1),
    sz('hotkeys', '{"help-request":null}'),
  ],
  MicrophoneApps: [sz('microsip.exe', 'phone'), sz('Zoiper – Ž.exe', 'not-phone')],
}

function sz(name: string, data: string) {
  return { type: 'REG_SZ', data, expected: { name, type: 'REG_SZ' as const, data } }
}

function dword(name: string, data: string, value: number) {
  return { type: 'REG_DWORD', data, expected: { name, type: 'REG_DWORD' as const, data: value } }
}

describe("the registry policy through Wine's real reg.exe", () => {
  const { wine, wineserver } = findWine()
  const { dir, cleanup } = tempDir('calmdeck-wine-')
  const prefix = path.join(dir, 'prefix')
  const bin = path.join(dir, 'bin')
  const base = { ...process.env, WINEPREFIX: prefix, WINEDEBUG: '-all', PATH: `${bin}:${process.env.PATH ?? ''}` }
  /** The reader's environment: Croatian display language (reg query would say "(Podrazumijevano)"). */
  const readEnv = { ...base, LC_ALL: 'hr_HR.UTF-8', LANG: 'hr_HR.UTF-8', ProgramData: 'C:\\ProgramData' }
  const noFile = path.join(dir, 'no-policy.json')
  const started = Date.now()

  const reg = (...args: string[]) => {
    const result = spawnSync(wine, ['reg', ...args, '/reg:64'], { env: base, encoding: 'utf8', timeout: 60_000 })
    if (result.status !== 0)
      throw new Error(`wine64 reg ${args[0]} failed (${result.status}): ${result.stdout}${result.stderr}`)
  }
  const add = (sub: string, name: string | null, type: string, data: string) =>
    reg('add', sub ? `${KEY}\\${sub}` : KEY, ...(name === null ? ['/ve'] : ['/v', name]), '/t', type, '/d', data, '/f')

  /** `calmdeck policy --registry` as IT would run it, with no policy file. */
  const policyCli = (): { code: number; report: PolicyReport; err: string[] } => {
    const out: string[] = []
    const err: string[] = []
    const code = runPolicyCli(['--registry', '--policy', noFile], {
      out: (line) => out.push(line),
      err: (line) => err.push(line),
      env: readEnv,
      platform: 'linux',
    })
    return { code, report: JSON.parse(out.join('\n')) as PolicyReport, err }
  }

  beforeAll(async () => {
    fs.mkdirSync(bin)
    fs.writeFileSync(path.join(bin, 'reg'), `#!/bin/sh\nexec '${wine}' reg "$@"\n`, { mode: 0o755 })
    // One wineserver for the whole file, kept running (each reg.exe would otherwise start its own).
    fs.mkdirSync(prefix)
    await new Promise<void>((resolve, reject) => {
      const server = spawn(wineserver, ['-p'], { env: base, stdio: 'ignore' })
      server.once('error', reject)
      server.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wineserver -p exited ${code}`))))
    })
    const boot = Date.now()
    const booted = spawnSync(wine, ['wineboot', '-i'], { env: base, stdio: 'ignore', timeout: 170_000 })
    if (booted.status !== 0) throw new Error(`wineboot -i failed (${booted.status ?? booted.error?.message})`)
    console.log(`wineboot -i: ${Date.now() - boot} ms`)
    const writing = Date.now()
    for (const [sub, values] of Object.entries(written))
      for (const value of values) add(sub, value.expected.name || null, value.type, value.data)
    console.log(`reg add × ${Object.values(written).flat().length}: ${Date.now() - writing} ms`)
  }, 180_000)

  afterAll(() => {
    spawnSync(wineserver, ['-k'], { env: base, stdio: 'ignore', timeout: 30_000 })
    cleanup()
    console.log(`Wine test: ${Date.now() - started} ms in all`)
  })

  it('reads every value back exactly as written, whatever the display language', () => {
    // The console text loses both: the default value's name is translated, Ž is not in the code page.
    const query = spawnSync('reg', ['query', KEY, '/reg:64'], { env: readEnv, encoding: 'utf8' }).stdout
    expect(query).toContain('(Podrazumijevano)')
    expect(query).not.toContain('Podrška – Ž')

    const temp = path.join(dir, 'temp')
    fs.mkdirSync(temp)
    const read = readPolicyKey(regCommand(readEnv), temp)
    if (read.kind !== 'found') throw new Error(`the key was not read: ${JSON.stringify(read)}`)
    const { keys, errors } = parseRegFile(read.text)
    expect(errors).toEqual([])
    const byName = (values: readonly RegValue[]) => [...values].sort((a, b) => (a.name < b.name ? -1 : 1))
    expect(keys.map((key) => key.path).sort()).toEqual(
      Object.keys(written).map((sub) => (sub ? `${FULL_KEY}\\${sub}` : FULL_KEY)),
    )
    for (const key of keys) {
      const sub = key.path.slice(FULL_KEY.length + 1)
      expect(byName(key.values), sub || '(the key)').toEqual(
        byName((written[sub] ?? []).map((value) => value.expected)),
      )
    }
    // The export's temporary folder is gone.
    expect(fs.readdirSync(temp)).toEqual([])
  }, 60_000)

  it('`calmdeck policy --registry` prints each entry as IT wrote it, where it came from, and no problem', () => {
    const { code, report, err } = policyCli()
    expect(err).toEqual([])
    expect(report.problems).toEqual([])
    expect(code).toBe(0)
    expect(report.sources).toEqual([
      { kind: 'file', source: noFile, found: false },
      { kind: 'registry', source: KEY, found: true },
    ])
    const entries = Object.fromEntries(report.entries.map((entry) => [entry.path, [entry.value, entry.source]]))
    expect(entries).toEqual({
      teamChannelKind: ['webhook', KEY],
      teamChannelUrl: ['https://hooks.example.org/…', KEY],
      teamChannelSecret: ['…', KEY],
      retentionDays: [0, KEY],
      teamFolder: ['C:\\ProgramData\\Podrška – Ž ë Ø', KEY],
      'defaults.agentName': ['Anneloes Vermeulen-Ørsted', `${KEY}\\Defaults`],
      'defaults.recoveryMinutes': [7, `${KEY}\\Defaults`],
      'defaults.exportFormats': [['pdf', 'csv'], `${KEY}\\Defaults`],
      'defaults.opacity': [0.85, `${KEY}\\Defaults`],
      'defaults.startInTray': [false, `${KEY}\\Defaults`],
      'defaults.teamFolderPdf': [true, `${KEY}\\Defaults`],
      'locked.theme': ['dark', `${KEY}\\Locked`],
      'locked.locale': ['hr', `${KEY}\\Locked`],
      'locked.callerNumber': ['off', `${KEY}\\Locked`],
      'locked.exportRedact': [true, `${KEY}\\Locked`],
      'locked.hotkeys': [{ 'help-request': null }, `${KEY}\\Locked`],
      'microphoneApps.microsip.exe': ['phone', `${KEY}\\MicrophoneApps`],
      'microphoneApps.Zoiper – Ž.exe': ['not-phone', `${KEY}\\MicrophoneApps`],
    })
    expect(report.entries.filter((entry) => !entry.locked).map((entry) => entry.path)).toEqual([
      'defaults.agentName',
      'defaults.exportFormats',
      'defaults.opacity',
      'defaults.recoveryMinutes',
      'defaults.startInTray',
      'defaults.teamFolderPdf',
    ])
    expect(report.locked).toEqual([
      'callerNumber',
      'exportRedact',
      'hotkeys',
      'locale',
      'retentionDays',
      'teamFolder',
      'theme',
    ])
    expect(report).toMatchObject({ teamChannel: true, deck: false })
  }, 60_000)

  it('names a value it cannot use with its path; the others still apply', () => {
    add('Locked', 'startAtLogin', 'REG_BINARY', '01')
    add('Defaults', 'retentionDays', 'REG_QWORD', '0xffffffffffffffff')
    const { code, report } = policyCli()
    expect(report.problems).toEqual([
      {
        path: '(registry) Defaults\\retentionDays',
        message: 'REG_QWORD 18446744073709551615 is larger than 2^53 − 1 and cannot be read exactly',
      },
      { path: '(registry) Locked\\startAtLogin', message: 'unsupported type REG_BINARY' },
    ])
    expect(code).toBe(1)
    expect(report.entries).toHaveLength(18)
  }, 60_000)

  it('no key, and a key with only a default value, is no policy and no problem', () => {
    reg('delete', KEY, '/f')
    const missing = policyCli()
    expect(missing.report.problems).toEqual([])
    expect(missing.report.sources[1]).toEqual({ kind: 'registry', source: KEY, found: false })
    expect(missing.report.entries).toEqual([])
    expect(missing.code).toBe(0)

    add('', null, 'REG_SZ', 'Postavio IT – Ž')
    const defaultOnly = policyCli()
    expect(defaultOnly.report.problems).toEqual([])
    expect(defaultOnly.report.sources[1]).toEqual({ kind: 'registry', source: KEY, found: true })
    expect(defaultOnly.report.entries).toEqual([])
    expect(defaultOnly.code).toBe(0)
  }, 60_000)
})
