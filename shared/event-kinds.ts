/**
 * Built-in kinds of call event, and every rule that depends on a kind: whether it makes a call
 * hard, ends it, is an incident, counts as a supervisor handover, and how the PDF timeline marks
 * it. Kept free of zod so the renderer can import them. A deck may add its own kinds (see
 * `eventKinds` in the deck schema, same flags, all false by default); ids of built-in kinds cannot
 * be redefined.
 */

import type { NoteItemKind } from './note-items'

/** Markers on the report's timeline: ▲ boundary warning, ■ ended for abuse, ● supervisor. */
export const incidentMarkers = ['boundary', 'abuse', 'supervisor'] as const
export type IncidentMarker = (typeof incidentMarkers)[number]

export interface EventKind {
  id: string
  label: Readonly<Record<string, string>>
  /** Logging this kind flags the call as hard (leads to recovery and into the report). */
  hard: boolean
  /** Whether the agent can log it by hand (call start/end are logged by the calls themselves). */
  loggable: boolean
  /** Logging it also ends the call (e.g. "call ended for abuse"). */
  endsCall?: boolean
  /** An incident: highlighted in the report's call timelines. */
  incident: boolean
  /** A call with an event of this kind counts as a supervisor handover in the report summary. */
  supervisor: boolean
  /**
   * Its marker on the report's timeline, and with it the summary figure it counts in: every
   * 'boundary' event is a boundary warning, a call with an 'abuse' event one ended for abuse.
   */
  marker?: IncidentMarker
  /**
   * Logging it says the note owes a line of this kind ("promise made", "follow-up needed"): in the
   * report each such event counts as open until the call's note lists one more item of the kind.
   */
  noteItem?: NoteItemKind
}

/** A kind as a deck defines it: the flags it leaves out are false. */
export interface DeckEventKind {
  id: string
  label: Readonly<Record<string, string>>
  hard?: boolean
  incident?: boolean
  supervisor?: boolean
  marker?: IncidentMarker
}

type Flags = Partial<
  Pick<EventKind, 'hard' | 'loggable' | 'endsCall' | 'incident' | 'supervisor' | 'marker' | 'noteItem'>
>

const kind = (id: string, en: string, nl: string, hr: string, flags: Flags = {}): EventKind => ({
  id,
  label: { en, nl, hr },
  hard: false,
  loggable: true,
  incident: false,
  supervisor: false,
  ...flags,
})

const hard = { hard: true } as const
const supervisor = { incident: true, supervisor: true, marker: 'supervisor' } as const

export const builtInEventKinds: readonly EventKind[] = [
  kind('call-started', 'Call started', 'Gesprek gestart', 'Poziv započeo', { loggable: false }),
  kind('call-ended', 'Call ended', 'Gesprek beëindigd', 'Poziv završio', { loggable: false }),
  kind('venting', 'Caller venting', 'Beller uit zijn frustratie', 'Pozivatelj se ispuhuje'),
  kind('summarised', 'Summarised back', 'Samengevat', 'Sažeto pozivatelju'),
  kind('apologised', 'Apologised', 'Excuses aangeboden', 'Ispričao/la se'),
  kind('solution-offered', 'Solution offered', 'Oplossing voorgesteld', 'Ponuđeno rješenje'),
  kind('anger-rising', 'Anger rising', 'Boosheid neemt toe', 'Ljutnja raste', hard),
  // Logged by the live call cues from sound levels alone (never by hand): named acoustically.
  kind('caller-voice-raised', "Caller's voice raised", 'Beller praat luider', 'Pozivatelj govori glasnije', {
    ...hard,
    loggable: false,
  }),
  kind('boundary-warning', 'Boundary warning given', 'Grens aangegeven', 'Upozorenje o granici', {
    ...hard,
    incident: true,
    marker: 'boundary',
  }),
  kind('ended-for-abuse', 'Call ended for abuse', 'Beëindigd wegens misbruik', 'Prekinuto zbog uvreda', {
    ...hard,
    endsCall: true,
    incident: true,
    marker: 'abuse',
  }),
  kind('supervisor-requested', 'Supervisor requested', 'Leidinggevende gevraagd', 'Traži nadređenog', {
    ...hard,
    ...supervisor,
  }),
  // A hand-over is a supervisor handover (an incident), but does not by itself make a call hard.
  kind('handed-over', 'Handed over', 'Doorverbonden', 'Predano dalje', supervisor),
  kind('promise-made', 'Promise made', 'Toezegging gedaan', 'Dano obećanje', { noteItem: 'promise' }),
  kind('resolved', 'Resolved', 'Opgelost', 'Riješeno'),
  kind('follow-up', 'Follow-up needed', 'Opvolging nodig', 'Potrebno praćenje', { noteItem: 'follow-up' }),
  kind('mark', 'Mark', 'Markering', 'Oznaka'),
]

export const CALL_STARTED = 'call-started'
export const CALL_ENDED = 'call-ended'
/** The kind the live call cues log when the caller's voice is raised. */
export const CALLER_VOICE_RAISED = 'caller-voice-raised'

/**
 * Built-in kinds and a deck's own kinds, in that order; a deck cannot redefine a built-in id. The
 * one place a deck's kinds become event kinds (loggable, flags left out are false).
 */
export function mergeEventKinds(deckKinds: readonly DeckEventKind[] = []): EventKind[] {
  const ids = new Set(builtInEventKinds.map((item) => item.id))
  const own = deckKinds.filter((item) => !ids.has(item.id)).map(fromDeck)
  return [...builtInEventKinds, ...own]
}

function fromDeck(item: DeckEventKind): EventKind {
  return {
    id: item.id,
    label: item.label,
    hard: item.hard ?? false,
    loggable: true,
    incident: item.incident ?? false,
    supervisor: item.supervisor ?? false,
    ...(item.marker ? { marker: item.marker } : {}),
  }
}

/**
 * Finds a kind by id in `kinds`, else among the built-in kinds (which every deck has); a kind no
 * deck defines any more (an old event) is unknown and has no flags.
 */
export function kindLookup(kinds: readonly EventKind[]): (id: string) => EventKind | undefined {
  const byId = new Map([...builtInEventKinds, ...kinds].map((item) => [item.id, item]))
  return (id) => byId.get(id)
}
