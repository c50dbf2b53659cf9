import type { HostTexts } from '../../../shared/i18n/host-catalog'
import type { TeamMessage } from '../../../shared/team'

export type TeamTexts = HostTexts['team']

/** A message laid out for people: a title, short facts, and longer texts (the agent's line, a shared note). */
export interface MessageFacts {
  title: string
  facts: [label: string, value: string][]
  texts: [label: string, text: string][]
}

/** "4:05" or "1:02:03" for a call's length. */
function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600)
  const m = Math.floor((seconds % 3600) / 60)
  const s = String(seconds % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** The one layout Teams and Slack both render, so both show the same facts. */
export function messageFacts(message: TeamMessage, t: TeamTexts): MessageFacts {
  const agent = message.agent || t.unnamedAgent
  switch (message.type) {
    case 'help':
      return {
        title: t.helpTitle(agent),
        facts: [
          [t.time, message.at.local],
          [t.callRunning, message.callSeconds === null ? t.noCall : duration(message.callSeconds)],
          [t.hardCall, message.hard ? t.yes : t.no],
          [t.flags, message.flags.map((flag) => flag.label).join(', ') || t.noFlags],
          [t.trigger, message.trigger === 'supervisor' ? t.triggerSupervisor : t.triggerAgent],
        ],
        texts: [
          ...(message.text ? [[t.message, message.text] as [string, string]] : []),
          ...(message.note ? [[t.note, message.note] as [string, string]] : []),
        ],
      }
    case 'shift-summary':
      return {
        title: t.summaryTitle(agent),
        facts: [
          [t.period, `${message.from.local} – ${message.to.local}`],
          [t.calls, String(message.calls)],
          [t.hardCalls, String(message.hardCalls)],
          [t.boundaryWarnings, String(message.boundaryWarnings)],
          [t.supervisorRequests, String(message.supervisorRequests)],
          [t.breaksOffered, String(message.breaksOffered)],
          [t.breaksTaken, String(message.breaksTaken)],
        ],
        texts: [],
      }
    case 'test':
      return { title: t.testTitle, facts: [[t.time, message.at.local]], texts: [['', t.testBody(agent)]] }
  }
}
