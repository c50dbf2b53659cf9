import type { ExportReport } from '../../../shared/export'
import type { OutboxItem, ShiftSummaryMessage, TeamMessage } from '../../../shared/team'
import type { LocalClock } from '../time/local-clock'

export interface ShiftSummaryDeps {
  /** Settings → "Post a shift summary to the team channel". */
  enabled: () => boolean
  /** Whether a team channel is set up. */
  hasChannel: () => boolean
  agentName: () => string
  /** Recovery breaks offered and taken in the range (the recovery service's day summary). */
  breaks: (from: number, to: number) => { offered: number; taken: number }
  clock: LocalClock
  /** Queues the message once per `dedupeKey`: exporting the same shift again posts nothing new. */
  send: (message: TeamMessage, dedupeKey: string) => OutboxItem
}

/** The summary card's figures, from the shift report (figures only: no call, no note, no number). */
export function shiftSummaryMessage(
  report: Pick<ExportReport, 'range' | 'summary'>,
  breaks: { offered: number; taken: number },
  agent: string,
  clock: LocalClock,
): ShiftSummaryMessage {
  const at = (ms: number) => ({ ms, local: clock.dateTime(ms).slice(0, 16) })
  return {
    type: 'shift-summary',
    agent: agent.trim().slice(0, 80),
    from: at(report.range.from.ms),
    to: at(report.range.to.ms),
    calls: report.summary.calls,
    hardCalls: report.summary.hardCalls,
    boundaryWarnings: report.summary.boundaryWarnings,
    supervisorRequests: report.summary.supervisorHandovers,
    breaksOffered: breaks.offered,
    breaksTaken: breaks.taken,
  }
}

/**
 * At End shift (a report was written): posts the summary card when Settings ask for it and a
 * channel is set; otherwise does nothing. Returns what was queued.
 */
export function shiftSummaryPoster(
  deps: ShiftSummaryDeps,
): (report: Pick<ExportReport, 'range' | 'summary'>) => OutboxItem | null {
  return (report) => {
    if (!deps.enabled() || !deps.hasChannel()) return null
    const { from, to } = report.range
    const message = shiftSummaryMessage(report, deps.breaks(from.ms, to.ms), deps.agentName(), deps.clock)
    return deps.send(message, `shift-summary:${from.ms}-${to.ms}`)
  }
}
