import type { Migration } from './index'

/**
 * Recovery breaks after hard calls. A timer is timestamps, never a ticking counter: the time
 * left is computed from `started_at`, `duration_ms`, the pauses and the clock, so it survives a
 * restart or a crash, and a machine asleep through the end finds it ended.
 */
export const migration004: Migration = {
  version: 4,
  name: 'recovery breaks',
  up(db) {
    db.exec(`
      CREATE TABLE recoveries (
        id INTEGER PRIMARY KEY,
        call_id INTEGER REFERENCES calls (id),
        status TEXT NOT NULL CHECK (status IN ('offered', 'declined', 'running', 'paused', 'finished', 'ended-early')),
        offered_at INTEGER,
        duration_ms INTEGER NOT NULL CHECK (duration_ms > 0),
        started_at INTEGER,
        paused_at INTEGER,
        paused_total_ms INTEGER NOT NULL DEFAULT 0,
        ended_at INTEGER,
        source TEXT NOT NULL CHECK (source IN ('hotkey', 'window', 'integration'))
      ) STRICT;
      CREATE INDEX recoveries_by_time ON recoveries (coalesce(started_at, offered_at));
      CREATE UNIQUE INDEX one_live_recovery ON recoveries ((1)) WHERE status IN ('offered', 'running', 'paused');
    `)
  },
}
