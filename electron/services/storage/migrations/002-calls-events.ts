import type { Migration } from './index'

/**
 * Calls and their event timeline. `hard` is derived from the events but stored, so lists and
 * reports can filter on it cheaply. Events are ordered by id: two in the same millisecond keep
 * the order they were logged in.
 */
export const migration002: Migration = {
  version: 2,
  name: 'calls and events',
  up(db) {
    db.exec(`
      CREATE TABLE calls (
        id INTEGER PRIMARY KEY,
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        caller TEXT,
        direction TEXT CHECK (direction IN ('inbound', 'outbound')),
        hard INTEGER NOT NULL DEFAULT 0 CHECK (hard IN (0, 1)),
        source TEXT NOT NULL CHECK (source IN ('hotkey', 'window', 'integration')),
        external_id TEXT,
        CHECK (ended_at IS NULL OR ended_at >= started_at)
      ) STRICT;
      CREATE INDEX calls_by_start ON calls (started_at);
      CREATE UNIQUE INDEX one_open_call ON calls ((ended_at IS NULL)) WHERE ended_at IS NULL;

      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT,
        source TEXT NOT NULL CHECK (source IN ('hotkey', 'window', 'integration'))
      ) STRICT;
      CREATE INDEX events_by_call ON events (call_id, id);
    `)
  },
}
