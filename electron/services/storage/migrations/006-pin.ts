import type { Migration } from './index'

/**
 * A call the agent pinned ("keep this incident") is kept by retention however old it is.
 * Numbered 006 to follow 005 "outbox" (built beside it); on this branch it is the fifth.
 */
export const migration006: Migration = {
  version: 5,
  name: 'pin',
  up(db) {
    db.exec(`ALTER TABLE calls ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))`)
  },
}
