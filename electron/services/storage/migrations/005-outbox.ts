import type { Migration } from './index'

/**
 * Messages to the team channel. Each is committed here before it is sent, so none is lost while
 * offline, on a crash or a kill. `idem_key` is unique: a message is queued once and, once marked
 * `sent`, never sent again. `message` is the channel-neutral JSON (see `teamMessageSchema`).
 */
export const migration005: Migration = {
  version: 5,
  name: 'outbox',
  up(db) {
    db.exec(`
      CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        idem_key TEXT NOT NULL UNIQUE,
        type TEXT NOT NULL CHECK (type IN ('help', 'shift-summary', 'test')),
        message TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'dropped')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_at INTEGER NOT NULL,
        last_error TEXT,
        sent_at INTEGER
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (next_at) WHERE status = 'pending';
    `)
  },
}
