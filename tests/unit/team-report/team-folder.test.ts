import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportReportSchema } from '../../../shared/export'
import { buildExportFixture, SHIFT_FROM, SHIFT_TO } from '../../helpers/export-fixture'
import type { TestServices } from '../../helpers/services'
import { tempDir } from '../../helpers/temp-dir'

let services: TestServices
let out: ReturnType<typeof tempDir>
beforeAll(() => {
  services = buildExportFixture().services
  out = tempDir('calmdeck-team-folder-')
})
afterAll(() => {
  services.dispose()
  out.cleanup()
})

const run = (folder: string, force = false) =>
  services.exports.run({
    range: { from: SHIFT_FROM, to: SHIFT_TO },
    formats: ['md'],
    folder,
    remark: '',
    redact: false,
    force,
  })

function folders(name: string): { personal: string; team: string } {
  const personal = path.join(out.dir, name, 'personal')
  const team = path.join(out.dir, name, 'team')
  fs.mkdirSync(personal, { recursive: true })
  fs.mkdirSync(team, { recursive: true })
  return { personal, team }
}

const readJson = (file: string) => exportReportSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))

describe('team folder copy at End shift', () => {
  it('writes nothing to any team folder while the setting is off', async () => {
    const { personal, team } = folders('off')
    const result = await run(personal)
    expect(result.teamFiles).toBeUndefined()
    expect(fs.readdirSync(team)).toEqual([])
  })

  it('writes a masked JSON with the team block, without the name unless opted in', async () => {
    const { personal, team } = folders('anonymous')
    services.settings.update({ teamFolder: team, agentName: 'Ana Kovač', teamReportShowName: false })
    const result = await run(personal)
    expect(result.teamFiles).toHaveLength(1)
    const file = result.teamFiles?.[0] ?? ''
    expect(path.dirname(file)).toBe(team)
    expect(path.basename(file)).toMatch(/^calmdeck-shift-\d{4}-\d{2}-\d{2}-\d{4}-[A-Za-z0-9-]{8}\.json$/)
    const report = readJson(file)
    expect(report.redacted).toBe(true)
    expect(report.team?.agent.name).toBeNull()
    expect(report.team?.agent.id).toMatch(/^[A-Za-z0-9-]{8,64}$/)
    const day = services.recovery.summary(SHIFT_FROM, SHIFT_TO)
    expect(day.offered).toBeGreaterThan(0)
    expect(report.team?.breaks).toEqual({ offered: day.offered, taken: day.taken, declined: day.declined })
    expect(fs.readFileSync(file, 'utf8')).not.toContain('Ana')
    // Numbers stored with the calls never reach the team folder.
    for (const call of report.calls) expect(call.caller === null || call.caller === '[phone]').toBe(true)
    // The personal files are not masked: that was the run's own choice.
    expect(fs.readdirSync(personal)).toHaveLength(1)
  })

  it('counts the help requests of the shift, sent or not, and only those', async () => {
    const { personal, team } = folders('help')
    services.settings.update({ teamFolder: team, teamFolderPdf: false })
    const insert = services.db.prepare(
      "INSERT INTO outbox (idem_key, type, message, created_at, status, next_at) VALUES (?, ?, '{}', ?, ?, 0)",
    )
    insert.run('in-1', 'help', SHIFT_FROM + 60_000, 'sent')
    insert.run('in-2', 'help', SHIFT_TO - 60_000, 'failed')
    insert.run('before', 'help', SHIFT_FROM - 60_000, 'sent')
    insert.run('summary', 'shift-summary', SHIFT_FROM + 120_000, 'sent')
    const result = await run(personal, true)
    expect(readJson(result.teamFiles?.[0] ?? '').team?.helpRequests).toBe(2)
    services.db.exec('DELETE FROM outbox')
  })

  it('names the agent only when opted in, and never overwrites: a second copy gets -2, the PDF shares it', async () => {
    const { personal, team } = folders('named')
    services.settings.update({
      teamFolder: team,
      agentName: 'Ana Kovač',
      teamReportShowName: true,
      teamFolderPdf: true,
    })
    const first = await run(personal)
    const second = await run(personal, true)
    const [json1, pdf1] = first.teamFiles ?? []
    const [json2, pdf2] = second.teamFiles ?? []
    expect(readJson(json1 ?? '').team?.agent.name).toBe('Ana Kovač')
    expect(pdf1).toBe((json1 ?? '').replace(/\.json$/, '.pdf'))
    expect(json2).toBe((json1 ?? '').replace(/\.json$/, '-2.json'))
    expect(pdf2).toBe((json2 ?? '').replace(/\.json$/, '.pdf'))
    expect(
      fs
        .readFileSync(pdf1 ?? '')
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-')
    // The same agent id both times: the team report counts this shift once.
    expect(readJson(json2 ?? '').team?.agent.id).toBe(readJson(json1 ?? '').team?.agent.id)
    expect(fs.readdirSync(team).sort()).toHaveLength(4)
  })

  it('reports a missing team folder without failing the run', async () => {
    const { personal } = folders('missing')
    services.settings.update({ teamFolder: path.join(out.dir, 'no-such-share'), teamFolderPdf: false })
    const result = await run(personal)
    expect(result.teamError).toContain('does not exist')
    expect(result.teamFiles).toBeUndefined()
    expect(fs.readdirSync(personal)).toHaveLength(1)
  })
})
