import { z } from 'zod'
import { builtInEventKinds, incidentMarkers } from './event-kinds'

export { APP_LOCALES, type AppLocale } from './locales'

const languageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'must be a language code such as "en", "nl" or "hr"')

/** A text in one or more languages, e.g. `{ "en": "Listen", "nl": "Luister" }`. */
export const localizedTextSchema = z
  .record(languageCode, z.string().trim().min(1, 'must not be empty').max(400, 'must be at most 400 characters'))
  .refine((value) => Object.keys(value).length > 0, 'needs a text in at least one language')

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lowercase letters, digits and dashes (at most 40)')

/** Phase cards form the arc of a call; escalation cards can be opened at any moment. */
export const cardKinds = ['phase', 'escalation'] as const

export const cardSchema = z.strictObject({
  id: slug,
  kind: z.enum(cardKinds),
  title: localizedTextSchema,
  prompt: localizedTextSchema,
  phrases: z.array(localizedTextSchema).min(1, 'needs at least one example phrase').max(5, 'at most 5 phrases'),
  /** 'say': example sentences for the caller (the default); 'remember': reminders to the agent. */
  phraseKind: z.enum(['say', 'remember']).optional(),
})

/**
 * A team's own kind of call event, e.g. "Refund approved". The flags mean what they mean for the
 * built-in kinds (see `EventKind` in event-kinds.ts): `hard` flags the call as hard, `incident`
 * highlights it in reports, `supervisor` counts a supervisor handover, `marker` marks it on the
 * report's timeline. Left out, they are false (no marker).
 */
export const eventKindSchema = z.strictObject({
  id: slug,
  label: localizedTextSchema,
  hard: z.boolean().default(false),
  incident: z.boolean().optional(),
  supervisor: z.boolean().optional(),
  marker: z.enum(incidentMarkers).optional(),
})

export const DECK_FORMAT = 'calmdeck.deck'

export const deckSchema = z
  .strictObject({
    format: z.literal(DECK_FORMAT),
    version: z.literal(1),
    id: slug,
    name: localizedTextSchema,
    defaultLocale: languageCode,
    cards: z.array(cardSchema).min(1, 'needs at least one card').max(60, 'at most 60 cards'),
    eventKinds: z.array(eventKindSchema).max(30, 'at most 30 event kinds').optional(),
  })
  .superRefine((deck, ctx) => {
    const seen = new Set<string>()
    deck.cards.forEach((card, index) => {
      if (seen.has(card.id)) {
        ctx.addIssue({ code: 'custom', path: ['cards', index, 'id'], message: `duplicate card id "${card.id}"` })
      }
      seen.add(card.id)
    })
    const kinds = new Set<string>(builtInEventKinds.map((item) => item.id))
    deck.eventKinds?.forEach((item, index) => {
      if (kinds.has(item.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['eventKinds', index, 'id'],
          message: `event kind "${item.id}" already exists`,
        })
      }
      kinds.add(item.id)
    })
    if (!deck.cards.some((card) => card.kind === 'phase')) {
      ctx.addIssue({ code: 'custom', path: ['cards'], message: 'needs at least one card of kind "phase"' })
    }
  })

export type LocalizedText = z.infer<typeof localizedTextSchema>
export type Card = z.infer<typeof cardSchema>
export type Deck = z.infer<typeof deckSchema>
