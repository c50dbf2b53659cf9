import { describe, expect, it } from 'vitest'
import { deckSchema } from '../../../shared/deck'
import { defaultDeck } from '../../../shared/default-deck'
import { builtInEventKinds, kindLookup, mergeEventKinds } from '../../../shared/event-kinds'

const flagged = (flag: 'incident' | 'supervisor') =>
  builtInEventKinds
    .filter((kind) => kind[flag])
    .map((kind) => kind.id)
    .sort()

describe('event kinds', () => {
  it('flag the incidents, the supervisor handovers and their timeline markers in one list', () => {
    expect(flagged('incident')).toEqual(['boundary-warning', 'ended-for-abuse', 'handed-over', 'supervisor-requested'])
    expect(flagged('supervisor')).toEqual(['handed-over', 'supervisor-requested'])
    const markers = Object.fromEntries(builtInEventKinds.filter((kind) => kind.marker).map((k) => [k.id, k.marker]))
    expect(markers).toEqual({
      'boundary-warning': 'boundary',
      'ended-for-abuse': 'abuse',
      'supervisor-requested': 'supervisor',
      'handed-over': 'supervisor',
    })
  })

  it("give a deck's own kinds the same flags, false when left out, and keep built-in ids", () => {
    const deck = deckSchema.parse({
      ...defaultDeck,
      eventKinds: [
        { id: 'refund-approved', label: { en: 'Refund approved' } },
        { id: 'team-lead', label: { en: 'Team lead joined' }, incident: true, supervisor: true, marker: 'supervisor' },
      ],
    })
    const kinds = mergeEventKinds(deck.eventKinds)
    expect(kinds.slice(0, builtInEventKinds.length)).toEqual(builtInEventKinds)
    expect(kinds.slice(builtInEventKinds.length)).toEqual([
      {
        id: 'refund-approved',
        label: { en: 'Refund approved' },
        hard: false,
        loggable: true,
        incident: false,
        supervisor: false,
      },
      {
        id: 'team-lead',
        label: { en: 'Team lead joined' },
        hard: false,
        loggable: true,
        incident: true,
        supervisor: true,
        marker: 'supervisor',
      },
    ])
    expect(mergeEventKinds([{ id: 'mark', label: { en: 'Mine' }, hard: true }])).toEqual(builtInEventKinds)
  })

  it('refuses an unknown timeline marker in a deck', () => {
    const parsed = deckSchema.safeParse({
      ...defaultDeck,
      eventKinds: [{ id: 'odd', label: { en: 'Odd' }, marker: 'star' }],
    })
    expect(parsed.success).toBe(false)
  })

  it('look kinds up by id, built-in ones always, unknown ones not at all', () => {
    const lookup = kindLookup(mergeEventKinds([{ id: 'own', label: { en: 'Own' }, supervisor: true }]))
    expect(lookup('own')?.supervisor).toBe(true)
    expect(kindLookup([])('handed-over')?.supervisor).toBe(true)
    expect(kindLookup([])('gone')).toBeUndefined()
  })
})
