/**
 * The team report's figures and skip reasons: the one list every side reads (the host's reader,
 * aggregation and renderers, the contract, the panel). Kept free of zod so the renderer can import it.
 */
/** The figures a team report shows per period, in its columns' order (every format and the panel). */
export const teamFigureKeys = [
  'calls',
  'hardCalls',
  'boundaryWarnings',
  'abuseEnds',
  'supervisorRequests',
  'helpRequests',
  'breaksOffered',
  'breaksTaken',
  'breaksDeclined',
  'recoveryMinutes',
  /** Calls in which the caller's voice was louder than their usual voice (live call cues). */
  'callerRaisedCalls',
] as const
export type TeamFigureKey = (typeof teamFigureKeys)[number]
export type TeamFigures = Record<TeamFigureKey, number>

/**
 * A group's figures, or the fact that its agents are too few to show them, or that its figures
 * are withheld so that a hidden group cannot be worked out by subtraction (team-report/suppress.ts).
 */
export type TeamCell =
  { kind: 'figures'; agents: number; figures: TeamFigures } | { kind: 'fewer-than-5' } | { kind: 'withheld' }

export interface TeamPeriod {
  /** `2026-11-22` for a day, `2026-W47` for an ISO week. */
  period: string
  /** Agents who opted in, by name (the newest name an agent used in the period), A–Z. */
  named: { name: string; cell: TeamCell }[]
  /** The agents who did not opt in, together; null when there are none. */
  others: TeamCell | null
  total: TeamCell
}

/** Why a file in the team folder does not count. */
export const skipReasons = ['unreadable', 'not-json', 'not-a-report', 'not-for-the-team', 'duplicate'] as const
export type SkipReason = (typeof skipReasons)[number]
