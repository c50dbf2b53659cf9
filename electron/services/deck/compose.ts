import type { CompositionContext, Wiring } from '../composition'
import { DeckService } from './deck-service'

export interface DeckServices {
  decks: DeckService
}

/** The deck in use (IT's policy may set it). */
export function composeDeck({ now, broadcast, policy }: CompositionContext, app: Wiring): DeckServices {
  return { decks: new DeckService(app.db, now, (state) => broadcast('deck:changed', state), policy().deck) }
}
