import { z } from 'zod'
import { deckSchema, type Deck } from './deck'
import { micAppSchema, micChoices, MAX_MIC_APPS } from './mic'
import { carryOverSettings, settingsSchema, type Settings } from './settings'
import { formatPath, type Issue } from './result'
import { teamChannelKinds } from './team-kinds'

/**
 * IT's machine-wide policy (policy.json): settings preset (`defaults`) or locked (`locked`), the
 * team channel, the team folder, the microphone apps and the retention. Every top-level key is
 * optional; `parsePolicy` keeps each valid entry and reports the others with their paths.
 */
export const policyEntries = {
  /** Settings the agent starts with and may change. */
  defaults: settingsSchema.partial().describe('Settings the agent starts with and may change (names as in Settings).'),
  /** Settings the agent cannot change ("Set by your organisation"). */
  locked: settingsSchema
    .partial()
    .describe('Settings the agent cannot change: shown as "Set by your organisation", refused by CalmDeck.'),
  /** The team channel: kind, URL (a secret) and, for the generic webhook, the signing secret. */
  teamChannelKind: z
    .enum(teamChannelKinds)
    .describe('The team channel: teams, slack or webhook (needs teamChannelUrl).'),
  teamChannelUrl: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .describe('The team channel webhook URL, https:// (a secret: never shown or logged).'),
  teamChannelSecret: z.string().max(200).describe('For the generic webhook: the HMAC-SHA256 signing secret.'),
  /** The shared team folder (a locked `teamFolder`). */
  teamFolder: settingsSchema.shape.teamFolder.describe('The shared team folder (locked).'),
  /** Answers to "Is it your phone?" per app id; IT's entries win, the others stay the agent's. */
  microphoneApps: z
    .record(micAppSchema, z.enum(micChoices))
    .refine((map) => Object.keys(map).length <= MAX_MIC_APPS, `at most ${MAX_MIC_APPS} apps`)
    .describe('Answers to "Is it your phone?" per app (phone, not-phone); these cannot be changed.'),
  /** Days calls and notes are kept (a locked `retentionDays`). */
  retentionDays: settingsSchema.shape.retentionDays.describe(
    'Days calls and notes are kept, 0 keeps everything (locked).',
  ),
  /**
   * The team's deck, used instead of the agent's: a path to a deck file (relative to the policy
   * file's folder) or the deck itself (the deck file's format).
   */
  deck: z
    .union([z.string().trim().min(1).max(1000), deckSchema])
    .describe("The team's deck: a deck file's path (relative to the policy file's folder) or the deck itself."),
} as const
type PolicyEntries = typeof policyEntries

/** The key an editor reads to find the JSON Schema (`"$schema": "…/policy.schema.json"`); ignored. */
export const SCHEMA_KEY = '$schema'

/**
 * The whole policy file as one schema, for the generated JSON Schema (`resources/policy.schema.json`).
 * `parsePolicy` checks entry by entry with the same schemas, so one bad entry leaves the others.
 */
export const policySchema = z
  .strictObject({ [SCHEMA_KEY]: z.string().optional(), ...policyEntries })
  .partial()
  .meta({
    title: 'CalmDeck managed policy',
    description:
      "IT's machine-wide policy.json: settings preset (defaults) or locked, the team channel, the team folder, the microphone apps, the retention and the deck. Every key is optional.",
  })
export type Policy = { -readonly [K in keyof PolicyEntries]?: z.output<PolicyEntries[K]> }

/** The policy's valid entries and the problems with the rest (never throws). */
export function parsePolicy(raw: unknown): { policy: Policy; issues: Issue[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { policy: {}, issues: [{ path: '(root)', message: 'must be a JSON object' }] }
  const policy: Record<string, unknown> = {}
  const issues: Issue[] = []
  for (const [key, value] of Object.entries(raw)) {
    if (key === SCHEMA_KEY) continue
    if (!Object.hasOwn(policyEntries, key)) {
      issues.push({ path: key, message: 'unknown policy key' })
      continue
    }
    const name = key as keyof PolicyEntries
    if (name === 'defaults' || name === 'locked') {
      policy[name] = parseSettingsEntries(name, value, issues)
      continue
    }
    if (name === 'deck' && typeof value === 'object' && value !== null) {
      const deck = parseInlineDeck(value, issues)
      if (deck) policy.deck = deck
      continue
    }
    const parsed = policyEntries[name].safeParse(value)
    if (parsed.success) policy[name] = parsed.data
    else for (const issue of parsed.error.issues) issues.push(toIssue([name, ...issue.path], issue.message))
  }
  return { policy: policy as Policy, issues }
}

/** `defaults`/`locked`: each setting on its own, so one bad value leaves the others in force. */
function parseSettingsEntries(name: string, value: unknown, issues: Issue[]): Partial<Settings> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push({ path: name, message: 'must be an object of settings' })
    return {}
  }
  const out: Record<string, unknown> = {}
  // A policy written for an older CalmDeck may name a merged setting by its old name.
  for (const [key, entry] of Object.entries(carryOverSettings(value) as object)) {
    const schema = Object.hasOwn(settingsSchema.shape, key) ? settingsSchema.shape[key as keyof Settings] : undefined
    if (!schema) {
      issues.push({ path: `${name}.${key}`, message: 'unknown setting' })
      continue
    }
    const parsed = schema.safeParse(entry)
    if (parsed.success) out[key] = parsed.data
    else for (const issue of parsed.error.issues) issues.push(toIssue([name, key, ...issue.path], issue.message))
  }
  return out as Partial<Settings>
}

/** An inline deck, checked by the deck file's own schema (its problems under `deck.`). */
function parseInlineDeck(value: object, issues: Issue[]): Deck | null {
  const parsed = deckSchema.safeParse(value)
  if (parsed.success) return parsed.data
  for (const issue of parsed.error.issues) issues.push(toIssue(['deck', ...issue.path], issue.message))
  return null
}

const teamChannelKeys = ['teamChannelKind', 'teamChannelUrl', 'teamChannelSecret'] as const

/**
 * Two policies in one, `higher` winning entry by entry: each setting of `defaults` and `locked`
 * and each app of `microphoneApps` on its own, every other key as a whole, and the team channel
 * (kind, URL, secret) as one: if `higher` names any of the three, `lower`'s are not used.
 */
export function mergePolicies(lower: Policy, higher: Policy): Policy {
  const merged: Policy = { ...lower, ...higher }
  if (lower.defaults || higher.defaults) merged.defaults = { ...lower.defaults, ...higher.defaults }
  if (lower.locked || higher.locked) merged.locked = { ...lower.locked, ...higher.locked }
  if (lower.microphoneApps || higher.microphoneApps)
    merged.microphoneApps = { ...lower.microphoneApps, ...higher.microphoneApps }
  if (teamChannelKeys.some((key) => higher[key] !== undefined))
    for (const key of teamChannelKeys) {
      if (higher[key] === undefined) delete merged[key]
    }
  return merged
}

function toIssue(path: readonly PropertyKey[], message: string): Issue {
  return { path: formatPath(path), message }
}

/** What the window may know of the policy: which settings are locked, never the channel's URL. */
export const policyViewSchema = z.strictObject({
  /** Settings the agent cannot change. */
  locked: z.array(z.string()),
  /** Apps whose "Is it your phone?" answer IT set. */
  micApps: z.array(z.string()),
  /** The team channel is set by the organisation. */
  teamChannel: z.boolean(),
  /** The deck is set by the organisation (importing or resetting one is refused). */
  deck: z.boolean(),
  /** Problems in the policy file, with their paths. */
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })),
})
export type PolicyView = z.infer<typeof policyViewSchema>
