import type { Deck } from '../../../shared/deck'
import type { MicChoice } from '../../../shared/mic'
import type { Policy, PolicyView } from '../../../shared/policy'
import type { Issue } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import type { TeamChannelKind } from '../../../shared/team-kinds'
import { checkEndpointUrl } from '../team/endpoint-url'

/** The team channel IT set: used instead of the agent's, which cannot then be changed. */
export interface ManagedEndpoint {
  kind: TeamChannelKind
  url: string
  secret: string
}

/** What the settings service needs of the policy. */
export interface SettingsPolicy {
  presets: Partial<Settings>
  locked: Partial<Settings>
  micApps: Readonly<Record<string, MicChoice>>
}

/**
 * The policy as the services use it: the parsed values, the settings it presets and locks, and
 * the team channel (checked with the same URL rule as the agent's; a bad one is an issue).
 */
export class ManagedPolicy implements SettingsPolicy {
  readonly issues: Issue[]
  readonly presets: Partial<Settings>
  readonly locked: Partial<Settings>
  readonly micApps: Readonly<Record<string, MicChoice>>
  readonly endpoint: ManagedEndpoint | null
  /** The team's deck (inline, or read from the file the policy names): used instead of the agent's. */
  readonly deck: Deck | null

  constructor(
    readonly values: Policy = {},
    issues: readonly Issue[] = [],
    deck: Deck | null = null,
  ) {
    this.issues = [...issues]
    this.presets = { ...values.defaults }
    this.locked = {
      ...values.locked,
      ...(values.teamFolder === undefined ? {} : { teamFolder: values.teamFolder }),
      ...(values.retentionDays === undefined ? {} : { retentionDays: values.retentionDays }),
    }
    this.micApps = { ...values.microphoneApps }
    this.endpoint = this.readEndpoint()
    this.deck = deck ?? (typeof values.deck === 'object' ? values.deck : null)
  }

  view(): PolicyView {
    return {
      locked: Object.keys(this.locked).sort(),
      micApps: Object.keys(this.micApps).sort(),
      teamChannel: this.endpoint !== null,
      deck: this.deck !== null,
      issues: this.issues,
    }
  }

  private readEndpoint(): ManagedEndpoint | null {
    const { teamChannelKind: kind, teamChannelUrl: url, teamChannelSecret: secret } = this.values
    if (kind === undefined && url === undefined) {
      if (secret !== undefined)
        this.issues.push({ path: 'teamChannelSecret', message: 'needs teamChannelKind and teamChannelUrl' })
      return null
    }
    if (kind === undefined || url === undefined) {
      const missing = kind === undefined ? 'teamChannelKind' : 'teamChannelUrl'
      this.issues.push({ path: missing, message: 'the team channel needs both teamChannelKind and teamChannelUrl' })
      return null
    }
    try {
      return { kind, url: checkEndpointUrl(url).toString(), secret: secret ?? '' }
    } catch (error) {
      // The URL is a secret: the issue names the rule, never the value.
      this.issues.push({ path: 'teamChannelUrl', message: error instanceof Error ? error.message : 'not a valid URL' })
      return null
    }
  }
}

/** No policy file: nothing preset or locked. */
export const noPolicy = new ManagedPolicy()
