import { afterEach, describe, expect, it } from 'vitest'
import { createAppServices } from '../../../electron/services/app-services'
import { parseDeckFile } from '../../../electron/services/deck/deck-service'
import { deckSchema, type Deck } from '../../../shared/deck'
import { defaultDeck } from '../../../shared/default-deck'
import { AppError } from '../../../shared/result'
import { testServices, type TestServices } from '../../helpers/services'

let services: TestServices
afterEach(() => services?.dispose())

const teamDeck: Deck = {
  format: 'calmdeck.deck',
  version: 1,
  id: 'team-billing',
  name: { en: 'Billing team', nl: 'Team facturatie' },
  defaultLocale: 'nl',
  cards: [
    {
      id: 'open',
      kind: 'phase',
      title: { nl: 'Openen' },
      prompt: { nl: 'Noem uw naam.' },
      phrases: [{ nl: 'Goedemorgen!' }],
    },
    {
      id: 'stop',
      kind: 'escalation',
      title: { en: 'Stop' },
      prompt: { en: 'End politely.' },
      phrases: [{ en: 'Goodbye.' }],
    },
  ],
}

function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('invalid-deck')
    return (error as AppError).issues ?? []
  }
  throw new Error('expected an invalid-deck error')
}

describe('the default deck', () => {
  it('is valid and follows the arc from calm to recover, with three escalation cards', () => {
    expect(deckSchema.safeParse(defaultDeck).success).toBe(true)
    const phases = defaultDeck.cards.filter((card) => card.kind === 'phase').map((card) => card.id)
    expect(phases).toEqual([
      'calm',
      'listen',
      'understand',
      'empathise',
      'apologise',
      'solve',
      'close',
      'document',
      'recover',
    ])
    const escalations = defaultDeck.cards.filter((card) => card.kind === 'escalation').map((card) => card.id)
    expect(escalations).toEqual(['ideal-solution', 'boundary', 'supervisor'])
  })

  it('has every text in English, Dutch and Croatian, with 2-3 phrases per card', () => {
    for (const card of defaultDeck.cards) {
      for (const text of [card.title, card.prompt, ...card.phrases]) {
        expect(Object.keys(text).sort(), `${card.id}`).toEqual(['en', 'hr', 'nl'])
      }
      expect(card.phrases.length).toBeGreaterThanOrEqual(2)
      expect(card.phrases.length).toBeLessThanOrEqual(3)
    }
  })
})

describe('parseDeckFile', () => {
  it('accepts a valid deck with texts in only some languages', () => {
    expect(parseDeckFile(JSON.stringify(teamDeck))).toEqual(teamDeck)
  })

  it('reports text that is not JSON', () => {
    const issues = issuesOf(() => parseDeckFile('{"format": "calmdeck.deck",'))
    expect(issues[0]?.path).toBe('(file)')
  })

  it('reports every problem with its path', () => {
    const broken = structuredClone(teamDeck) as unknown as Record<string, unknown> & {
      cards: Record<string, unknown>[]
    }
    delete broken.cards[1]!.title
    broken.cards[0]!.kind = 'interlude'
    broken.cards[0]!.phrases = []
    broken.colour = 'teal'
    const issues = issuesOf(() => parseDeckFile(JSON.stringify(broken)))
    const paths = issues.map((issue) => issue.path)
    expect(paths).toContain('cards[1].title')
    expect(paths).toContain('cards[0].kind')
    expect(paths).toContain('cards[0].phrases')
    expect(issues.find((issue) => issue.path === '(root)')?.message).toMatch(/unknown field\(s\): colour/)
  })

  it('reports duplicate card ids and a deck without phases', () => {
    const dup = { ...teamDeck, cards: [teamDeck.cards[1], teamDeck.cards[1]] }
    const issues = issuesOf(() => parseDeckFile(JSON.stringify(dup)))
    expect(issues).toContainEqual({ path: 'cards[1].id', message: 'duplicate card id "stop"' })
    expect(issues).toContainEqual({ path: 'cards', message: 'needs at least one card of kind "phase"' })
  })
})

describe('DeckService', () => {
  it('starts with the built-in deck', () => {
    services = testServices()
    expect(services.decks.get()).toEqual({ deck: defaultDeck, source: 'default', importedAt: null })
  })

  it('imports a deck, announces it, and keeps it across a restart', () => {
    services = testServices()
    const state = services.decks.import(JSON.stringify(teamDeck))
    expect(state).toEqual({ deck: teamDeck, source: 'imported', importedAt: Date.parse('2026-11-22T10:00:00Z') })
    expect(services.events.filter((item) => item.event === 'deck:changed')).toEqual([
      { event: 'deck:changed', data: state },
    ])
    services.close()
    const reopened = createAppServices({ dataDir: services.dir, host: 'web', version: 'test' })
    expect(reopened.decks.get().deck).toEqual(teamDeck)
    reopened.close()
    services = { ...services, close: () => {} }
  })

  it('leaves the current deck untouched when an import fails', () => {
    services = testServices()
    services.decks.import(JSON.stringify(teamDeck))
    const before = services.decks.get()
    expect(() => services.decks.import(JSON.stringify({ ...teamDeck, cards: [] }))).toThrow(AppError)
    expect(services.decks.get()).toEqual(before)
    expect(services.db.prepare('SELECT count(*) AS n FROM decks').get()).toEqual({ n: 1 })
  })

  it('exports the active deck as a file that imports back to the same deck', () => {
    services = testServices()
    services.decks.import(JSON.stringify(teamDeck))
    const file = services.decks.export()
    expect(file.fileName).toBe('team-billing.calmdeck.json')
    expect(parseDeckFile(file.text)).toEqual(teamDeck)
  })

  it('resets to the built-in deck', () => {
    services = testServices()
    services.decks.import(JSON.stringify(teamDeck))
    expect(services.decks.reset().source).toBe('default')
  })
})
