import { hostTexts } from '../../../shared/i18n/host-catalog'
import type { CompositionContext, Wiring } from '../composition'
import { HelpService } from './help-service'
import { httpPost } from './post'
import { shiftSummaryPoster } from './shift-summary'
import { TeamService } from './team-service'

export interface TeamServices {
  /** The team channel and its outbox; a host calls `team.start()` to send what is queued. */
  team: TeamService
  help: HelpService
  /** After End shift: the shift's summary to the team channel, when Settings ask for it. */
  postShiftSummary: ReturnType<typeof shiftSummaryPoster>
}

/** The team channel (IT's policy may set it), help requests, and the shift summary. */
export function composeTeam(
  { options, now, broadcast, log, policy, dayClock }: CompositionContext,
  app: Wiring,
): TeamServices {
  const team = new TeamService({
    db: app.db,
    store: app.store,
    now,
    post: options.teamPost ?? httpPost({ timeoutMs: 5000 }),
    texts: () => hostTexts[app.language()].team,
    onChange: (state) => broadcast('team:changed', state),
    backoff: options.teamBackoff,
    log,
    managed: policy().endpoint,
  })
  const help = new HelpService({
    calls: app.calls,
    notes: app.notes,
    eventKinds: () => app.decks.eventKinds(),
    now,
    clock: dayClock,
    language: app.language,
    agentName: () => app.settings.get().agentName,
    send: (message) => team.send(message),
  })
  const postShiftSummary = shiftSummaryPoster({
    enabled: () => app.settings.get().teamShiftSummary,
    hasChannel: () => team.hasChannel(),
    agentName: () => app.settings.get().agentName,
    breaks: (from, to) => app.recovery.summary(from, to),
    clock: dayClock,
    send: (message, key) => team.send(message, key),
  })
  return { team, help, postShiftSummary }
}
