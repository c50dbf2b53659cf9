import type { Migration } from './index'

/**
 * A call the agent pinned ("keep this incident") is kept by retention however old it is.
 * Version 6, after 005 "outbox".
 */
export const migration006: Migration = {
  version: 6,
  name: 'pin',
  up(db) {
    db.exec(`ALTER TABLE calls ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))`)
  },
}
