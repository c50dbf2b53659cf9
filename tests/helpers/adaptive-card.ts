import { createRequire } from 'node:module'

// The package's `lib/` is ESM with extension-less imports that Node cannot load; its UMD bundle
// in `dist/` runs under plain Node (parsing and validation need no DOM).
const AdaptiveCards = createRequire(import.meta.url)(
  'adaptivecards/dist/adaptivecards.js',
) as typeof import('adaptivecards')

/** Parses a card with the `adaptivecards` package: every parse and validation problem it reports. */
export function adaptiveCardProblems(content: unknown): string[] {
  const card = new AdaptiveCards.AdaptiveCard()
  const context = new AdaptiveCards.SerializationContext()
  card.parse(content, context)
  const problems: string[] = []
  for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message)
  for (const event of card.validateProperties().validationEvents) problems.push(event.message)
  return problems
}
