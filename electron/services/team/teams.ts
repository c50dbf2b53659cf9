import type { TeamChannel } from './channel'
import { JSON_HEADERS } from './channel'
import { messageFacts } from './message-facts'

/**
 * Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is
 * received"): a message with one Adaptive Card 1.4 attachment. Texts are plain TextBlocks
 * (Adaptive Cards render a subset of Markdown; the agent's own words are left as typed).
 */
export const teamsChannel: TeamChannel = {
  kind: 'teams',
  render(message, { texts }) {
    const facts = messageFacts(message, texts)
    const card = {
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        {
          type: 'TextBlock',
          text: facts.title,
          weight: 'Bolder',
          size: 'Medium',
          wrap: true,
          ...(message.type === 'help' ? { color: 'Attention' } : {}),
        },
        { type: 'FactSet', facts: facts.facts.map(([title, value]) => ({ title, value })) },
        ...facts.texts.flatMap(([label, text]) => [
          ...(label ? [{ type: 'TextBlock', text: label, weight: 'Bolder', wrap: true, spacing: 'Medium' }] : []),
          { type: 'TextBlock', text, wrap: true },
        ]),
      ],
    }
    const body = {
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content: card }],
    }
    return { body: JSON.stringify(body), headers: { ...JSON_HEADERS } }
  },
}
