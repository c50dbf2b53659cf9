import type { CompositionContext, Wiring } from '../composition'
import { agentId } from '../team-report/agent-id'
import { writeTeamCopy } from '../team-report/team-folder'
import { localClock, machineTimeZone } from '../time/local-clock'
import { ExportService } from './export-service'
import { findFontDir } from './font-dir'
import { renderReport } from './format-renderers'

export interface ExportServices {
  exports: ExportService
}

/** The shift report: its files, the team folder's copy, and the summary to the team channel. */
export function composeExport(
  { options, now, log, errors, policy, systemLocales }: CompositionContext,
  app: Wiring,
): ExportServices {
  const exports = new ExportService({
    db: app.db,
    dataDir: options.dataDir,
    nativeBinding: options.nativeBinding,
    runJob: options.exportRunner,
    now,
    settings: () => app.settings.get(),
    eventKinds: () => app.decks.eventKinds(),
    fontDir: options.fontDir ?? findFontDir(),
    shell: options.exportShell ?? null,
    // Locked choices stay the policy's (the run was refused had it differed from them).
    rememberChoices: (choices) => {
      const own = Object.fromEntries(Object.entries(choices).filter(([key]) => !(key in policy().locked)))
      if (Object.keys(own).length > 0) app.settings.update(own)
    },
    locked: () => policy().locked,
    systemLocales,
    onWritten: (report) => {
      try {
        app.postShiftSummary(report)
      } catch (error) {
        log(errors.note('shift summary not queued', error))
      }
    },
    teamCopy: (report, renderOptions) =>
      writeTeamCopy(report, {
        settings: () => app.settings.get(),
        agentId: () => agentId(app.store),
        breaks: (from, to) => app.recovery.summary(from, to),
        helpRequests: (from, to) => app.team.outbox.countBetween('help', from, to),
        render: (withTeam, format) => renderReport(withTeam, format, renderOptions),
        clock: localClock(machineTimeZone()),
      }),
  })
  return { exports }
}
