import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runTeamReportCli } from '../../../electron/cli/team-report'
import { teamReportArgs } from '../../../electron/main/team-report-shell'
import { TEAM_TIME_ZONE, writeTeamFolder } from '../../helpers/team-folder'
import { tempDir } from '../../helpers/temp-dir'

let dir: ReturnType<typeof tempDir>
let folder: string
let out: string
beforeAll(() => {
  dir = tempDir('calmdeck-team-cli-')
  folder = path.join(dir.dir, 'share')
  out = path.join(dir.dir, 'out')
  fs.mkdirSync(folder)
  fs.mkdirSync(out)
  writeTeamFolder(folder, { agents: 6, firstDay: '2026-02-02', days: 12, named: 1, saturdayAgents: [2, 3] })
  fs.writeFileSync(path.join(folder, 'notes.json'), '[1, 2')
})
afterAll(() => dir.cleanup())

/** A lead whose system speaks `lang`, with no CalmDeck settings on the machine (an empty folder). */
async function run(argv: string[], lang = 'en_US.UTF-8') {
  const lines = { out: [] as string[], err: [] as string[] }
  const code = await runTeamReportCli(argv, {
    out: (line) => lines.out.push(line),
    err: (line) => lines.err.push(line),
    timeZone: TEAM_TIME_ZONE,
    env: { LANG: lang },
    settingsDir: dir.dir,
    fontDir: path.resolve(__dirname, '../../../resources/fonts'),
    now: () => Date.parse('2026-03-01T12:00:00Z'),
  })
  return { code, ...lines }
}

const range = ['--from', '2026-02-01', '--to', '2026-03-01']

describe('calmdeck team-report (CLI)', () => {
  it('writes the report into a folder under its period, lists the skipped file, and refuses to overwrite', async () => {
    const first = await run(['--in', folder, ...range, '--format', 'md', '--out', out])
    expect(first.code).toBe(0)
    const file = path.join(out, 'calmdeck-team-report-2026-02-01-to-2026-02-28.md')
    expect(first.out).toEqual([`${file} (${10 * 6 + 2} shifts, 6 agents, 1 files skipped)`])
    expect(first.err).toEqual(['calmdeck team-report: skipped notes.json (not JSON (damaged?))'])
    expect(fs.readFileSync(file, 'utf8')).toContain('| 2026-W06 | Team |')
    const again = await run(['--in', folder, ...range, '--format', 'md', '--out', out])
    expect(again.code).toBe(1)
    expect(again.err.at(-1)).toContain('already exists')
    expect((await run(['--in', folder, ...range, '--format', 'md', '--out', out, '--force'])).code).toBe(0)
  })

  it.each([
    [[]],
    [['--in', 'x', '--from', 'soon', '--to', '2026-03-01', '--out', 'x.md']],
    [['--in', 'x', '--from', '2026-03-01', '--to', '2026-02-01', '--out', 'x.md']],
    [['--in', 'x', ...range, '--out', 'x.txt']],
    [['--in', 'x', ...range, '--out', 'x.md', '--lang', 'de']],
  ])('refuses %j with a usage message and exit 2', async (argv) => {
    const result = await run(argv)
    expect(result.code).toBe(2)
    expect(result.err.join('\n')).toContain('Usage: npm run team-report')
  })

  it("speaks the lead's language (Croatian): problems, usage, skipped files and the outcome", async () => {
    const wrong = await run(['--in', 'x', ...range, '--out', 'x.md', '--lang', 'de'], 'hr_HR.UTF-8')
    expect(wrong.code).toBe(2)
    expect(wrong.err.join('\n')).toContain('--lang mora biti en, nl ili hr')
    expect(wrong.err.join('\n')).toContain('Upotreba: npm run team-report')
    const target = path.join(out, 'hr.md')
    const written = await run(['--in', folder, ...range, '--out', target], 'hr_HR.UTF-8')
    expect(written.code).toBe(0)
    expect(written.err).toEqual(['calmdeck team-report: preskočeno: notes.json (nije JSON (oštećeno?))'])
    expect(written.out).toEqual([`${target} (smjena: ${10 * 6 + 2}, agenata: 6, preskočenih datoteka: 1)`])
    const missing = await run(
      ['--in', path.join(dir.dir, 'nope'), ...range, '--out', path.join(out, 'x.csv')],
      'hr_HR.UTF-8',
    )
    expect(missing.err).toEqual([
      `calmdeck team-report: mapu tima ${path.join(dir.dir, 'nope')} nije moguće pročitati.`,
    ])
  })

  it('says so when the folder cannot be read', async () => {
    const result = await run(['--in', path.join(dir.dir, 'nope'), ...range, '--out', path.join(out, 'x.csv')])
    expect(result).toMatchObject({ code: 1, err: [expect.stringContaining('cannot be read')] })
  })

  it('runs from the build output (out/main/team-report.js) and as the app’s --team-report', () => {
    const entry = path.resolve(__dirname, '../../../out/main/team-report.js')
    const target = path.join(out, 'built.pdf')
    const argv = teamReportArgs(['CalmDeck', '--team-report', '--in', folder, ...range, '--out', target])
    expect(argv).toEqual(['--in', folder, ...range, '--out', target])
    const ok = spawnSync(process.execPath, [entry, ...(argv ?? [])], {
      encoding: 'utf8',
      env: { ...process.env, TZ: TEAM_TIME_ZONE, LC_ALL: 'nl_NL.UTF-8', XDG_CONFIG_HOME: dir.dir },
    })
    expect(ok.status).toBe(0)
    expect(ok.stderr).toBe('calmdeck team-report: notes.json overgeslagen (geen JSON (beschadigd?))\n')
    expect(fs.readFileSync(target).subarray(0, 5).toString()).toBe('%PDF-')
    expect(teamReportArgs(['CalmDeck'])).toBeNull()
  })
})
