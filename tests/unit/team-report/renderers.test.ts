import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportFormats } from '../../../shared/export-formats'
import { APP_LOCALES } from '../../../shared/locales'
import { fontsIn } from '../../../electron/services/export/pdf-style'
import { aggregateTeam, type TeamReport } from '../../../electron/services/team-report/aggregate'
import { readTeamFolder } from '../../../electron/services/team-report/read-folder'
import { TEAM_RENDERERS, renderTeamReport } from '../../../electron/services/team-report/team-renderers'
import { writeTeamFolder, TEAM_TIME_ZONE } from '../../helpers/team-folder'
import { tempDir } from '../../helpers/temp-dir'

const fonts = fontsIn(path.resolve(__dirname, '../../../resources/fonts'))
let dir: ReturnType<typeof tempDir>
let report: TeamReport
const FROM = Date.parse('2026-03-01T00:00:00+01:00')
const TO = Date.parse('2026-03-15T00:00:00+01:00')

beforeAll(() => {
  dir = tempDir('calmdeck-team-render-')
  writeTeamFolder(dir.dir, { agents: 8, firstDay: '2026-03-01', days: 14, named: 2, saturdayAgents: [0, 5, 6] })
  fs.writeFileSync(path.join(dir.dir, 'broken.json'), '{"format":')
  report = aggregateTeam(readTeamFolder(dir.dir, { from: FROM, to: TO }), { from: FROM, to: TO, generatedAt: TO })
})
afterAll(() => dir.cleanup())

const options = { language: 'en' as const, timeZone: TEAM_TIME_ZONE, fonts }

describe('team report renderers', () => {
  it('has a renderer for every export format of the registry', () => {
    expect(Object.keys(TEAM_RENDERERS).sort()).toEqual([...exportFormats].sort())
  })

  it('writes a hidden group as "fewer than 5", never its figures (Markdown and CSV)', async () => {
    const md = String(await renderTeamReport(report, 'md', options))
    const csv = String(await renderTeamReport(report, 'csv', options))
    const saturday = '2026-03-07'
    const mdRows = md.split('\n').filter((line) => line.startsWith(`| ${saturday} |`))
    expect(mdRows.map((line) => line.split('|')[2]?.trim())).toEqual(['Agent 0', 'Others (not named)', 'Team'])
    for (const line of mdRows.slice(1))
      expect(line.replace(saturday, '').replaceAll('fewer than 5', '')).not.toMatch(/\d/)
    const csvRows = csv.split('\r\n').filter((line) => line.startsWith(`${saturday},`))
    expect(csvRows).toHaveLength(3)
    for (const line of csvRows.slice(1))
      expect(line.replace(saturday, '').replaceAll('fewer than 5', '')).not.toMatch(/\d/)
    expect(md).toContain('broken.json')
    expect(md).toContain('not JSON (damaged?)')
  })

  it('makes a PDF with the trend chart and the tables, readable by pdftotext', async () => {
    const pdf = (await renderTeamReport(report, 'pdf', options)) as Buffer
    const file = path.join(dir.dir, 'team.pdf.out')
    fs.writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('Trend per week (team)')
    expect(text).toContain('Per week')
    expect(text).toContain('Per day')
    expect(text).toContain('— fewer than 5 —')
    const saturday = text.split('\n').filter((line) => line.includes('2026-03-07'))
    expect(saturday).toHaveLength(1)
  })

  it('speaks every app language', async () => {
    for (const language of APP_LOCALES) {
      const md = String(await renderTeamReport(report, 'md', { ...options, language }))
      expect(md.split('\n')[0]).toBe(`# ${{ en: 'Team report', nl: 'Teamrapport', hr: 'Izvješće tima' }[language]}`)
    }
  })

  it('writes JSON that says what it is', async () => {
    const json = JSON.parse(String(await renderTeamReport(report, 'json', options))) as Record<string, unknown>
    expect(json).toMatchObject({ format: 'calmdeck.team-report', schemaVersion: 1, agents: 8 })
  })
})
