import type { Migration } from './index'

/**
 * Live call cues. Events may now come from the cues (`source = 'cues'`: the caller's raised
 * voice), so `events` is rebuilt with the wider CHECK (nothing references it; ids, order and
 * index kept). `call_cues` holds one call's figures from its sound levels — durations in ms and
 * counts, never audio. The figures about the agent's own voice stay on this machine.
 */
export const migration007: Migration = {
  version: 7,
  name: 'cues',
  up(db) {
    db.exec(`
      CREATE TABLE events_new (
        id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL REFERENCES calls (id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT,
        source TEXT NOT NULL CHECK (source IN ('hotkey', 'window', 'integration', 'cues'))
      ) STRICT;
      INSERT INTO events_new (id, call_id, at, kind, text, source) SELECT id, call_id, at, kind, text, source FROM events;
      DROP TABLE events;
      ALTER TABLE events_new RENAME TO events;
      CREATE INDEX events_by_call ON events (call_id, id);

      CREATE TABLE call_cues (
        call_id INTEGER PRIMARY KEY REFERENCES calls (id),
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        you_ms INTEGER NOT NULL CHECK (you_ms >= 0),
        caller_ms INTEGER NOT NULL CHECK (caller_ms >= 0),
        silence_ms INTEGER NOT NULL CHECK (silence_ms >= 0),
        overlap_ms INTEGER NOT NULL CHECK (overlap_ms >= 0),
        talk_overs INTEGER NOT NULL CHECK (talk_overs >= 0),
        caller_longest_ms INTEGER NOT NULL CHECK (caller_longest_ms >= 0),
        caller_raised_ms INTEGER NOT NULL CHECK (caller_raised_ms >= 0),
        you_raised_ms INTEGER NOT NULL CHECK (you_raised_ms >= 0)
      ) STRICT;
    `)
  },
}
