import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runExportCli } from '../../../electron/cli/export'
import { ManagedPolicy } from '../../../electron/services/policy/managed-policy'
import { parsePolicy } from '../../../shared/policy'
import { buildExportFixture, FIXTURE_TIME_ZONE, REPORT_AT } from '../../helpers/export-fixture'
import { testServices, type TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

let services: TestServices
let setNow: (ms: number) => void
let out: ReturnType<typeof tempDir>
beforeAll(() => {
  ;({ services, setNow } = buildExportFixture())
  out = tempDir('calmdeck-cli-')
})
afterAll(() => {
  services.dispose()
  out.cleanup()
})

async function run(...argv: string[]) {
  return runWith(new ManagedPolicy(), ...argv)
}

/** The user's system speaks Dutch; without --data-dir, the settings are read from an empty folder (none). */
async function runWith(policy: ManagedPolicy, ...argv: string[]) {
  return runIn({ LANG: 'nl_NL.UTF-8' }, policy, ...argv)
}

async function runIn(env: NodeJS.ProcessEnv, policy: ManagedPolicy, ...argv: string[]) {
  const lines = { out: [] as string[], err: [] as string[] }
  const code = await runExportCli(argv, {
    policy,
    out: (line) => lines.out.push(line),
    err: (line) => lines.err.push(line),
    now: () => REPORT_AT,
    timeZone: FIXTURE_TIME_ZONE,
    env,
    settingsDir: out.dir,
  })
  return { code, out: lines.out.join('\n'), err: lines.err.join('\n') }
}

const range = ['--from', '2026-11-22T08:00', '--to', '2026-11-22T16:30']

describe('calmdeck export (CLI)', () => {
  it.each([
    [[], '--from is verplicht'],
    [['--from', 'yesterday', '--to', '2026-11-23', '--out', 'x.md'], '--from moet een ISO-datum of datum-tijd zijn'],
    [['--from', '2026-11-23', '--to', '2026-11-22', '--out', 'x.md'], '--to moet na --from liggen'],
    [[...range, '--format', 'docx', '--out', 'x.docx'], '--format moet csv, json, md of pdf zijn'],
    [[...range, '--out', 'report.txt'], '--format is verplicht (csv, json, md of pdf)'],
    [[...range, '--format', 'md', '--out', 'x.md', '--lang', 'de'], '--lang moet en, nl of hr zijn'],
    [['--frm', '2026-11-22'], "Onbekende optie '--frm'"],
  ])("refuses %j with a usage message and exit 2, in the user's language (Dutch)", async (argv, message) => {
    const result = await run(...argv)
    expect(result.code).toBe(2)
    expect(result.err).toContain(message)
    expect(result.err).toContain('Gebruik: npm run export')
    expect(result.err).not.toMatch(/\n\s+at /)
  })

  it('speaks English to an English system, and --lang wins over the system', async () => {
    const english = await runIn({ LANG: 'en_GB.UTF-8' }, new ManagedPolicy(), '--from', 'yesterday')
    expect(english.err).toContain('--to is required')
    expect(english.err).toContain('Usage: npm run export')
    const croatian = await runIn({ LANG: 'en_GB.UTF-8' }, new ManagedPolicy(), '--lang', 'hr', '--frm', 'x')
    expect(croatian.err).toContain("Nepoznata opcija '--frm'")
    expect(croatian.err).toContain('Upotreba: npm run export')
  })

  it("speaks the language set in CalmDeck's settings over the system's", async () => {
    const dir = tempDir('calmdeck-cli-lang-')
    try {
      const settings = testServices(undefined, dir.dir)
      settings.settings.update({ locale: 'hr' })
      settings.close()
      const result = await run('--data-dir', dir.dir, ...range, '--format', 'docx', '--out', 'x.docx')
      expect(result.err).toContain('--format mora biti csv, json, md ili pdf')
    } finally {
      dir.cleanup()
    }
  })

  it('prints help', async () => {
    const result = await run('--help')
    expect(result.code).toBe(0)
    expect(result.out).toContain('--redact')
  })

  it('exports from a live data folder (read-only) while the app keeps writing', async () => {
    const target = path.join(out.dir, 'live.json')
    const result = await run('--data-dir', services.dir, ...range, '--format', 'json', '--out', target)
    expect(result).toMatchObject({ code: 0, err: '' })
    const report = JSON.parse(fs.readFileSync(target, 'utf8')) as { summary: { calls: number }; language: string }
    expect(report.summary.calls).toBe(6)
    // Settings say 'auto': the system language (LANG) decides.
    expect(report.language).toBe('nl')
    // The app still writes while (and after) the export reads.
    setNow(REPORT_AT + 1000)
    services.calls.log('mark', 'window', 'after export')
    expect(services.calls.current().call).not.toBeNull()
  })

  it('obeys forced masking from the policy: refused without --redact (nothing written), masked with it', async () => {
    const policy = new ManagedPolicy(parsePolicy({ locked: { exportRedact: true } }).policy)
    const target = path.join(out.dir, 'policy.md')
    const refused = await runWith(policy, '--data-dir', services.dir, ...range, '--out', target)
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('maskeren is ingesteld door je organisatie')
    expect(fs.existsSync(target)).toBe(false)
    expect((await runWith(policy, '--data-dir', services.dir, ...range, '--out', target, '--redact')).code).toBe(0)
    expect(fs.existsSync(target)).toBe(true)
  })

  it('refuses to overwrite without --force and replaces with it', async () => {
    const target = path.join(out.dir, 'shift.md')
    expect((await run('--data-dir', services.dir, ...range, '--out', target)).code).toBe(0)
    const before = fs.readFileSync(target, 'utf8')
    const refused = await run('--data-dir', services.dir, ...range, '--out', target, '--lang', 'hr')
    expect(refused.code).toBe(1)
    expect(refused.err).toContain('shift.md već postoji')
    expect(fs.readFileSync(target, 'utf8')).toBe(before)
    const forced = await run('--data-dir', services.dir, ...range, '--out', target, '--lang', 'hr', '--force')
    expect(forced.code).toBe(0)
    expect(fs.readFileSync(target, 'utf8')).toContain('Izvješće o incidentima')
  })

  it('writes into a folder under a name with the period, redacted on request', async () => {
    const result = await run('--data-dir', services.dir, ...range, '--format', 'csv', '--out', out.dir, '--redact')
    expect(result.code).toBe(0)
    const file = path.join(out.dir, 'calmdeck-report-2026-11-22-0800-1630.csv')
    const csv = fs.readFileSync(file, 'utf8')
    expect(csv).not.toContain('06-12345678')
    expect(csv).toContain('[phone]')
  })

  it('says clearly when there is no data, without a stack trace', async () => {
    const result = await run('--data-dir', path.join(out.dir, 'nothing'), ...range, '--out', path.join(out.dir, 'n.md'))
    expect(result.code).toBe(1)
    expect(result.err).toMatch(/^calmdeck export: er staan geen CalmDeck-gegevens in /)
  })

  it('runs from the build output (out/main/export.js)', () => {
    const entry = path.resolve(__dirname, '../../../out/main/export.js')
    const target = path.join(out.dir, 'built.pdf')
    const ok = spawnSync(
      process.execPath,
      [entry, '--data-dir', services.dir, ...range, '--format', 'pdf', '--out', target],
      {
        encoding: 'utf8',
        env: { ...process.env, TZ: FIXTURE_TIME_ZONE },
      },
    )
    expect(ok.stderr).toBe('')
    expect(ok.status).toBe(0)
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
    // Croatian from the environment (no settings in an empty config folder).
    const bad = spawnSync(process.execPath, [entry, '--from'], {
      encoding: 'utf8',
      env: { ...process.env, LC_ALL: 'hr_HR.UTF-8', XDG_CONFIG_HOME: out.dir },
    })
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('calmdeck export: --from treba vrijednost')
    expect(bad.stderr).toContain('Upotreba:')
  })
})
