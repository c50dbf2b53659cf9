/** The team channel's lists, kept free of zod so the renderer can import them (schemas: team.ts). */

/** Where team messages go: a Teams Workflows webhook, a Slack incoming webhook, or any JSON webhook. */
export const teamChannelKinds = ['teams', 'slack', 'webhook'] as const
export type TeamChannelKind = (typeof teamChannelKinds)[number]

/** What a help request was triggered by: the agent (key, button, hotkey) or a "supervisor requested" event. */
export const helpTriggers = ['hotkey', 'window', 'supervisor'] as const

/** The stages of an outgoing message: queued or retrying, delivered, refused for good, dropped by the agent. */
export const outboxStatuses = ['pending', 'sent', 'failed', 'dropped'] as const
export type OutboxStatus = (typeof outboxStatuses)[number]

/** The most a help request's one-line text may hold. */
export const MAX_HELP_TEXT = 200
