import type { ExportReport } from '../../../shared/export'
import { teamFigureKeys, type TeamFigures } from '../../../shared/team-figures'

export { teamFigureKeys, type TeamFigureKey, type TeamFigures } from '../../../shared/team-figures'

/** One agent's shift as the team report reads it from a team-folder file. */
export interface TeamShift {
  agentId: string
  /** Only when the agent opted in for this file. */
  name: string | null
  from: number
  to: number
  /** The shift's local start date, in its own time zone: `2026-11-22`. */
  date: string
  generatedAt: number
  figures: TeamFigures
}

export function zeroFigures(): TeamFigures {
  return Object.fromEntries(teamFigureKeys.map((key) => [key, 0])) as TeamFigures
}

export function addFigures(into: TeamFigures, add: TeamFigures): TeamFigures {
  for (const key of teamFigureKeys) into[key] += add[key]
  return into
}

/** A report with its team block → the shift's figures (help requests unknown count as 0). */
export function shiftFromReport(report: ExportReport & { team: NonNullable<ExportReport['team']> }): TeamShift {
  const { summary, team } = report
  return {
    agentId: team.agent.id,
    name: team.agent.name,
    from: report.range.from.ms,
    to: report.range.to.ms,
    date: report.range.from.local.slice(0, 10),
    generatedAt: report.generatedAt.ms,
    figures: {
      calls: summary.calls,
      hardCalls: summary.hardCalls,
      boundaryWarnings: summary.boundaryWarnings,
      abuseEnds: summary.abuseEnds,
      supervisorRequests: summary.supervisorHandovers,
      helpRequests: team.helpRequests ?? 0,
      breaksOffered: team.breaks.offered,
      breaksTaken: team.breaks.taken,
      breaksDeclined: team.breaks.declined,
      recoveryMinutes: summary.recoveryMs / 60_000,
      callerRaisedCalls: report.calls.filter((call) => (call.cues?.callerRaisedMs ?? 0) > 0).length,
    },
  }
}
