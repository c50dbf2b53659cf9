import type { Migration } from './index'

/** Settings as JSON values by key, and the decks a team lead imported (newest is active). */
export const migration001: Migration = {
  version: 1,
  name: 'settings and decks',
  up(db) {
    db.exec(`
      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;
      CREATE TABLE decks (
        id INTEGER PRIMARY KEY,
        deck_id TEXT NOT NULL,
        data TEXT NOT NULL,
        imported_at INTEGER NOT NULL
      ) STRICT;
    `)
  },
}
