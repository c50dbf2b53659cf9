import type { TeamChannel } from './channel'
import { JSON_HEADERS } from './channel'
import { messageFacts } from './message-facts'

/** Slack's mrkdwn needs &, < and > escaped, so an agent's text cannot ping `<!channel>` or make links. */
function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Slack section fields: at most 10 per section, 2000 characters each. */
const MAX_FIELDS = 10

/**
 * Slack incoming webhook: `text` (the notification and fallback) and Block Kit `blocks` (a
 * header, the facts as section fields, the agent's line and a shared note as sections).
 */
export const slackChannel: TeamChannel = {
  kind: 'slack',
  render(message, { texts }) {
    const facts = messageFacts(message, texts)
    const blocks = [
      { type: 'header', text: { type: 'plain_text', text: facts.title.slice(0, 150), emoji: false } },
      {
        type: 'section',
        fields: facts.facts
          .slice(0, MAX_FIELDS)
          .map(([label, value]) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(label)}*\n${escapeMrkdwn(value)}` })),
      },
      ...facts.texts.map(([label, text]) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: (label ? `*${escapeMrkdwn(label)}*\n` : '') + escapeMrkdwn(text).slice(0, 2900) },
      })),
    ]
    return { body: JSON.stringify({ text: escapeMrkdwn(facts.title), blocks }), headers: { ...JSON_HEADERS } }
  },
}
