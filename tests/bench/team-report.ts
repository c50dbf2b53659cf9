import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { findFontDir } from '../../electron/services/export/font-dir'
import { buildTeamReport, writeTeamReport } from '../../electron/services/team-report/team-report-service'
import { TEAM_TIME_ZONE, writeTeamFolder } from '../helpers/team-folder'
import { median, nowMs, report } from './stats'

const AGENTS = 50
const FROM = Date.parse('2026-01-01T00:00:00+01:00')
const TO = Date.parse('2027-01-01T00:00:00+01:00')

/**
 * `team.report_year_ms`: a team folder of 50 agents × 250 shifts (50 weeks from Monday 5 January
 * 2026) read, validated, aggregated and written as PDF, against its floor: the same files only read
 * and JSON.parse-d. Medians of 3 runs (the file cache is warm after the first); the PDF's mean CPU
 * time per run is reported with it.
 */
export async function benchTeamReport(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calmdeck-bench-team-'))
  const folder = path.join(dir, 'share')
  fs.mkdirSync(folder)
  try {
    const shifts = writeTeamFolder(folder, {
      agents: AGENTS,
      firstDay: '2026-01-05',
      days: 350,
      named: 3,
      saturdayAgents: [],
    })
    const bytes = fs.readdirSync(folder).reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0)
    const fontDir = findFontDir()
    const time = async (run: () => unknown, runs = 3) => {
      const times: number[] = []
      for (let i = 0; i < runs; i++) {
        const start = nowMs()
        await run()
        times.push(nowMs() - start)
      }
      return median(times)
    }
    const floor = await time(() => {
      for (const name of fs.readdirSync(folder)) JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8'))
    })
    const readOnly = await time(() => buildTeamReport({ folder, from: FROM, to: TO }, TO))
    let index = 0
    const cpuBefore = process.cpuUsage()
    const pdf = await time(async () => {
      const built = buildTeamReport({ folder, from: FROM, to: TO }, TO)
      await writeTeamReport(built, {
        format: 'pdf',
        target: path.join(dir, `team-${index++}.pdf`),
        targetIsFolder: false,
        language: 'en',
        timeZone: TEAM_TIME_ZONE,
        fontDir,
      })
    })
    // CPU time per run besides the wall clock: on a shared 2-core machine the two differ a lot.
    const cpuMs = (process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1000 / 3
    const extra = { shifts: shifts.length, agents: AGENTS, mb: Math.round(bytes / 1e5) / 10 }
    report('team.report_year_ms', pdf, 'ms', {
      ...extra,
      budget: 10_000,
      floor_ms: Math.round(floor),
      cpu_ms: Math.round(cpuMs),
    })
    report('team.report_year_floor_ms', floor, 'ms', extra)
    report('team.report_year_read_validate_aggregate_ms', readOnly, 'ms', extra)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
