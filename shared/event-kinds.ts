/**
 * Built-in kinds of call event. Kept free of zod so the renderer can import them. A deck may add
 * its own kinds (see `eventKinds` in the deck schema); ids of built-in kinds cannot be redefined.
 */
export interface EventKind {
  id: string
  label: Readonly<Record<string, string>>
  /** Logging this kind flags the call as hard (leads to recovery and into the report). */
  hard: boolean
  /** Whether the agent can log it by hand (call start/end are logged by the calls themselves). */
  loggable: boolean
  /** Logging it also ends the call (e.g. "call ended for abuse"). */
  endsCall?: boolean
}

const kind = (id: string, hard: boolean, en: string, nl: string, hr: string, loggable = true): EventKind => ({
  id,
  hard,
  loggable,
  label: { en, nl, hr },
})

export const builtInEventKinds: readonly EventKind[] = [
  kind('call-started', false, 'Call started', 'Gesprek gestart', 'Poziv započeo', false),
  kind('call-ended', false, 'Call ended', 'Gesprek beëindigd', 'Poziv završio', false),
  kind('venting', false, 'Caller venting', 'Beller uit zijn frustratie', 'Pozivatelj se ispuhuje'),
  kind('summarised', false, 'Summarised back', 'Samengevat', 'Sažeto pozivatelju'),
  kind('apologised', false, 'Apologised', 'Excuses aangeboden', 'Ispričao/la se'),
  kind('solution-offered', false, 'Solution offered', 'Oplossing voorgesteld', 'Ponuđeno rješenje'),
  kind('anger-rising', true, 'Anger rising', 'Boosheid neemt toe', 'Ljutnja raste'),
  kind('boundary-warning', true, 'Boundary warning given', 'Grens aangegeven', 'Upozorenje o granici'),
  {
    ...kind('ended-for-abuse', true, 'Call ended for abuse', 'Beëindigd wegens misbruik', 'Prekinuto zbog uvreda'),
    endsCall: true,
  },
  kind('supervisor-requested', true, 'Supervisor requested', 'Leidinggevende gevraagd', 'Traži nadređenog'),
  kind('handed-over', false, 'Handed over', 'Doorverbonden', 'Predano dalje'),
  kind('promise-made', false, 'Promise made', 'Toezegging gedaan', 'Dano obećanje'),
  kind('resolved', false, 'Resolved', 'Opgelost', 'Riješeno'),
  kind('follow-up', false, 'Follow-up needed', 'Opvolging nodig', 'Potrebno praćenje'),
  kind('mark', false, 'Mark', 'Markering', 'Oznaka'),
]

export const CALL_STARTED = 'call-started'
export const CALL_ENDED = 'call-ended'

/** Built-in kinds and a deck's own kinds, in that order; a deck cannot redefine a built-in id. */
export function mergeEventKinds(deckKinds: readonly EventKind[] = []): EventKind[] {
  const ids = new Set(builtInEventKinds.map((item) => item.id))
  return [...builtInEventKinds, ...deckKinds.filter((item) => !ids.has(item.id))]
}
