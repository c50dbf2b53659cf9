import fs from 'node:fs'
import path from 'node:path'
import { withoutPrivateFigures } from '../../../shared/cues/figures'
import type { ExportReport, ReportTeam } from '../../../shared/export'
import type { ExportFormat } from '../../../shared/export-formats'
import { EXPORT_FORMATS } from '../../../shared/export-formats'
import type { Settings } from '../../../shared/settings'
import type { LocalClock } from '../time/local-clock'
import { WriteRefused, writeFileSafely } from '../export/safe-write'

/** Most names tried before giving up (a folder with 100 copies of one shift is not a collision). */
const MAX_ATTEMPTS = 100

export interface TeamFolderDeps {
  settings: () => Pick<Settings, 'teamFolder' | 'teamFolderPdf' | 'agentName' | 'teamReportShowName'>
  agentId: () => string
  /** Breaks offered / taken / declined in [from, to). */
  breaks: (from: number, to: number) => ReportTeam['breaks']
  /** Help requests sent in [from, to), where this CalmDeck records them. */
  helpRequests?: (from: number, to: number) => number
  render: (report: ExportReport, format: ExportFormat) => Promise<string | Buffer>
  clock: LocalClock
}

/** The team block of a report: the name only when the agent opted in. */
export function teamBlock(report: ExportReport, deps: TeamFolderDeps): ReportTeam {
  const settings = deps.settings()
  const name = settings.agentName.trim()
  const { from, to } = { from: report.range.from.ms, to: report.range.to.ms }
  return {
    agent: { id: deps.agentId(), name: settings.teamReportShowName && name ? name : null },
    helpRequests: deps.helpRequests ? deps.helpRequests(from, to) : null,
    breaks: (({ offered, taken, declined }) => ({ offered, taken, declined }))(deps.breaks(from, to)),
  }
}

/**
 * The report as the team may read it: each call's figures from its sound levels without those
 * about the agent's own voice (they never leave this machine); the caller's stay, for the team
 * report's counts.
 */
export function withoutOwnVoice(report: ExportReport): ExportReport {
  return {
    ...report,
    calls: report.calls.map((call) => (call.cues ? { ...call, cues: withoutPrivateFigures(call.cues) } : call)),
  }
}

/** `calmdeck-shift-2026-11-22-0800-1a2b3c4d`: the shift's start and the agent id's first part. */
export function teamFileStem(report: ExportReport, agent: string, clock: LocalClock): string {
  const from = report.range.from.ms
  return `calmdeck-shift-${clock.date(from)}-${clock.time(from).replace(':', '')}-${agent.slice(0, 8)}`
}

/**
 * Writes the report (with its team block, without the agent's own voice figures) as JSON, and as
 * PDF when ticked, into the team folder.
 * The names never collide: a taken name gets `-2`, `-3`… (the JSON and PDF of one run share
 * theirs), and each file is published without replacing anything (safe-write's link), so two
 * CalmDecks writing the same name at once both keep their file. Returns the paths written; [] when
 * no team folder is set.
 */
export async function writeTeamCopy(report: ExportReport, deps: TeamFolderDeps): Promise<string[]> {
  const folder = deps.settings().teamFolder.trim()
  if (!folder) return []
  const team = teamBlock(report, deps)
  const withTeam: ExportReport = { ...withoutOwnVoice(report), team }
  const formats: ExportFormat[] = deps.settings().teamFolderPdf ? ['json', 'pdf'] : ['json']
  const rendered = await Promise.all(formats.map((format) => deps.render(withTeam, format)))
  const stem = teamFileStem(report, team.agent.id, deps.clock)
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const name = attempt === 1 ? stem : `${stem}-${attempt}`
    const targets = formats.map((format) => path.join(folder, `${name}.${EXPORT_FORMATS[format].extension}`))
    if (targets.some((target) => fs.existsSync(target))) continue
    const written: string[] = []
    try {
      targets.forEach((target, index) => {
        writeFileSafely(target, rendered[index] ?? '')
        written.push(target)
      })
      return written
    } catch (error) {
      // Taken between the check and the write (another CalmDeck): the JSON is what counts.
      if (error instanceof WriteRefused && error.reason === 'exists') {
        if (written.length === 0) continue
        return written
      }
      throw error
    }
  }
  throw new WriteRefused('exists', `No free file name in the team folder after ${MAX_ATTEMPTS} tries.`)
}
