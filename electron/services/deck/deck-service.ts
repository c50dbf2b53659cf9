import type { DeckState } from '../../../shared/contract'
import { deckSchema, type Deck } from '../../../shared/deck'
import { defaultDeck } from '../../../shared/default-deck'
import { mergeEventKinds, type EventKind } from '../../../shared/event-kinds'
import { AppError, formatPath, type Issue } from '../../../shared/result'
import type { Db } from '../storage/database'

/**
 * Validates deck files and keeps the active deck: the deck IT's policy sets, else the newest
 * import, else the built-in one. With a policy deck, importing and resetting are refused.
 */
export class DeckService {
  private readonly latestStmt
  private readonly insertStmt
  private readonly resetStmt
  /** The active deck, parsed once; rebuilt after an import or reset. */
  private cached: DeckState | null = null

  constructor(
    db: Db,
    private readonly now: () => number,
    private readonly onChange: (state: DeckState) => void = () => {},
    private managed: Deck | null = null,
  ) {
    this.latestStmt = db.prepare<[], { data: string; imported_at: number }>(
      'SELECT data, imported_at FROM decks ORDER BY id DESC LIMIT 1',
    )
    this.insertStmt = db.prepare('INSERT INTO decks (deck_id, data, imported_at) VALUES (?, ?, ?)')
    this.resetStmt = db.prepare('DELETE FROM decks')
  }

  get(): DeckState {
    this.cached ??= this.load()
    return this.cached
  }

  /** Event kinds of the active deck: the built-in ones plus the deck's own. */
  eventKinds(): readonly EventKind[] {
    const state = this.get()
    if (this.kindsFor !== state) {
      this.kinds = mergeEventKinds(state.deck.eventKinds)
      this.kindsFor = state
    }
    return this.kinds
  }

  private kinds: readonly EventKind[] = []
  private kindsFor: DeckState | null = null

  private load(): DeckState {
    if (this.managed) return { deck: this.managed, source: 'policy', importedAt: null }
    const row = this.latestStmt.get()
    if (row) {
      const parsed = deckSchema.safeParse(JSON.parse(row.data))
      if (parsed.success) return { deck: parsed.data, source: 'imported', importedAt: row.imported_at }
    }
    return { deck: defaultDeck, source: 'default', importedAt: null }
  }

  /** Parses and validates a deck file. Any problem: an error listing every issue, nothing stored. */
  import(text: string): DeckState {
    this.assertNotManaged()
    const deck = parseDeckFile(text)
    this.insertStmt.run(deck.id, JSON.stringify(deck), this.now())
    return this.changed()
  }

  reset(): DeckState {
    this.assertNotManaged()
    this.resetStmt.run()
    return this.changed()
  }

  /** IT's policy changed while running: its deck (or none, back to the agent's) from now on. */
  setManaged(deck: Deck | null): void {
    if (JSON.stringify(deck) === JSON.stringify(this.managed)) return
    this.managed = deck
    this.changed()
  }

  /** The decks were replaced underneath (import, delete all): read and announce the active one again. */
  reload(): DeckState {
    return this.changed()
  }

  export(): { fileName: string; text: string } {
    const { deck } = this.get()
    return { fileName: `${deck.id}.calmdeck.json`, text: JSON.stringify(deck, null, 2) + '\n' }
  }

  private assertNotManaged(): void {
    if (this.managed)
      throw new AppError('locked', 'The deck is set by your organisation.', [
        { path: 'deck', message: 'set by your organisation' },
      ])
  }

  private changed(): DeckState {
    this.cached = null
    const state = this.get()
    this.onChange(state)
    return state
  }
}

/** Turns the text of a deck file into a valid deck, or throws an `invalid-deck` error with paths. */
export function parseDeckFile(text: string): Deck {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable'
    throw new AppError('invalid-deck', 'This file is not valid JSON.', [{ path: '(file)', message: detail }])
  }
  const result = deckSchema.safeParse(json)
  if (!result.success) {
    const issues: Issue[] = result.error.issues.map((issue) => ({
      path: formatPath(issue.path),
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    }))
    throw new AppError(
      'invalid-deck',
      `This deck file has ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
      issues,
    )
  }
  return result.data
}
