import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '../../../shared/contract'
import { testServices, type TestServices } from '../../helpers/services'
import { writeTeamFolder } from '../../helpers/team-folder'
import { tempDir } from '../../helpers/temp-dir'

let services: TestServices
let dir: ReturnType<typeof tempDir>
const FROM = Date.parse('2026-02-01T00:00:00+01:00')
const TO = Date.parse('2026-03-01T00:00:00+01:00')

beforeAll(() => {
  services = testServices()
  dir = tempDir('calmdeck-team-channels-')
  writeTeamFolder(dir.dir, { agents: 7, firstDay: '2026-02-02', days: 7, named: 1, saturdayAgents: [1, 2] })
  fs.writeFileSync(path.join(dir.dir, 'x.json'), 'nope')
})
afterAll(() => {
  services.dispose()
  dir.cleanup()
})

describe('team-report channels', () => {
  it('previews the weeks with the minimum group rule and lists skipped files', async () => {
    const result = await services.dispatch('team-report:preview', { folder: dir.dir, from: FROM, to: TO })
    if (!result.ok) throw new Error(result.error.message)
    expect(contract['team-report:preview'].response.parse(result.value)).toMatchObject({
      shifts: 5 * 7 + 2,
      agents: 7,
      skipped: [{ file: 'x.json', reason: 'not-json' }],
    })
    const preview = contract['team-report:preview'].response.parse(result.value)
    // Six anonymous agents on weekdays: the week shows figures.
    expect(preview.weeks.map((week) => [week.period, week.others?.kind, week.total.kind])).toEqual([
      ['2026-W06', 'figures', 'figures'],
    ])
  })

  it('writes the report into a folder and refuses a relative one', async () => {
    const out = path.join(dir.dir, 'out')
    fs.mkdirSync(out)
    const request = { folder: dir.dir, from: FROM, to: TO, format: 'csv' as const, out }
    const written = await services.dispatch('team-report:write', request)
    // Named by the machine's local dates (the from date is 31 January in UTC).
    expect(written).toMatchObject({
      ok: true,
      value: { path: expect.stringMatching(/calmdeck-team-report-2026-0[12]-\d\d-to-2026-02-28\.csv$/) },
    })
    if (written.ok)
      expect(fs.readFileSync((written.value as { path: string }).path, 'utf8')).toContain('2026-W06,Week,Team')
    expect(await services.dispatch('team-report:write', request)).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    })
    expect(await services.dispatch('team-report:write', { ...request, out: 'relative' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    })
    expect(await services.dispatch('team-report:preview', { folder: 'relative', from: FROM, to: TO })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    })
  })
})
