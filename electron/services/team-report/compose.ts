import type { CompositionContext, Wiring } from '../composition'
import { findFontDir } from '../export/font-dir'
import { machineTimeZone } from '../time/local-clock'
import { TeamReportService } from './team-report-service'

export interface TeamReportServices {
  /** The lead's team report from a team folder. */
  teamReports: TeamReportService
}

export function composeTeamReport({ options, now }: CompositionContext, app: Wiring): TeamReportServices {
  const teamReports = new TeamReportService({
    now,
    fontDir: options.fontDir ?? findFontDir(),
    // Read when a report is written: the machine's zone is not needed to start.
    get timeZone() {
      return machineTimeZone()
    },
    language: () => app.exports.reportLanguage(),
  })
  return { teamReports }
}
