import type { ActionSource } from '../../../shared/actions'
import { CALL_ENDED, CALL_STARTED, kindLookup, type EventKind } from '../../../shared/event-kinds'
import type { AppLocale } from '../../../shared/locales'
import type { NoteFields } from '../../../shared/notes'
import { MAX_HELP_TEXT, type HelpMessage, type OutboxItem, type TeamMessage } from '../../../shared/team'
import type { CallService } from '../calls/call-service'
import { redactText } from '../export/redact'
import type { NoteService } from '../notes/note-service'
import type { LocalClock } from '../time/local-clock'

/** What the agent adds to one help request. */
export interface HelpOptions {
  text?: string
  /** Share the call's note with this one request (masked for phone numbers and e-mail addresses). */
  includeNote?: boolean
}

export interface HelpServiceDeps {
  calls: Pick<CallService, 'current' | 'timeline'>
  notes: Pick<NoteService, 'forCall'>
  eventKinds: () => readonly EventKind[]
  now: () => number
  clock: LocalClock
  language: () => AppLocale
  /** The display name from Settings. */
  agentName: () => string
  /** Queues a message for the team channel (see TeamService.send). */
  send: (message: TeamMessage) => OutboxItem
}

/** The most of a shared note that is sent. */
const MAX_NOTE_CHARS = 4000

/**
 * "Ask for help": builds the message from the open call (how long it has run, whether it is
 * hard, its flags) and queues it. It never carries the caller's number; the note only when the
 * agent ticked "include my note" for this request.
 */
export class HelpService {
  constructor(private readonly deps: HelpServiceDeps) {}

  request(trigger: ActionSource | 'supervisor', options: HelpOptions = {}): OutboxItem {
    return this.deps.send(this.message(trigger, options))
  }

  /** "Send a test message": proves the channel works, carries nothing but the name and time. */
  test(): OutboxItem {
    const now = this.deps.now()
    return this.deps.send({
      type: 'test',
      agent: this.deps.agentName().trim().slice(0, 80),
      at: { ms: now, local: this.deps.clock.time(now).slice(0, 5) },
    })
  }

  /** The message as it would be queued (exported for tests and the README's field list). */
  message(trigger: ActionSource | 'supervisor', options: HelpOptions = {}): HelpMessage {
    const now = this.deps.now()
    const language = this.deps.language()
    const call = this.deps.calls.current().call
    const events = call ? this.deps.calls.timeline(call.id).events : []
    const kinds = kindLookup(this.deps.eventKinds())
    const seen = new Set<string>()
    const flags: HelpMessage['flags'] = []
    for (const event of events) {
      const kind = kinds(event.kind)
      if (!kind || seen.has(kind.id) || kind.id === CALL_STARTED || kind.id === CALL_ENDED) continue
      if (!kind.hard && !kind.incident && !kind.supervisor) continue
      seen.add(kind.id)
      flags.push({ kind: kind.id, label: kind.label[language] ?? kind.label.en ?? kind.id })
    }
    const note = call && options.includeNote ? this.deps.notes.forCall(call.id) : null
    const text = options.text?.replace(/\s+/g, ' ').trim().slice(0, MAX_HELP_TEXT) || null
    return {
      type: 'help',
      agent: this.deps.agentName().trim().slice(0, 80),
      at: { ms: now, local: this.deps.clock.time(now).slice(0, 5) },
      trigger: trigger === 'integration' ? 'window' : trigger,
      callSeconds: call ? Math.max(0, Math.floor((now - call.startedAt) / 1000)) : null,
      hard: call?.hard ?? false,
      flags,
      text,
      note: note ? noteText(note, language) : null,
    }
  }
}

/** A note as one text, masked for phone numbers and e-mail addresses; null when empty. */
function noteText(note: NoteFields, language: AppLocale): string | null {
  const parts = [note.whatHappened, note.callerWants, note.resolved, note.freeText, ...note.items.map((i) => i.text)]
  const text = parts
    .map((part) => part.trim())
    .filter(Boolean)
    .join('\n')
  return text ? redactText(text, language).slice(0, MAX_NOTE_CHARS) : null
}
