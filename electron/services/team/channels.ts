import type { TeamChannelKind } from '../../../shared/team'
import type { TeamChannel } from './channel'
import { slackChannel } from './slack'
import { teamsChannel } from './teams'
import { webhookChannel } from './webhook'

/** Every team channel adapter, by kind: the type makes a new kind name its adapter here. */
export const teamChannels: Record<TeamChannelKind, TeamChannel> = {
  teams: teamsChannel,
  slack: slackChannel,
  webhook: webhookChannel,
}
