import type { Migration } from './index'

/**
 * Incident notes: at most one per call, or none for a walk-in incident. `draft_key` is the
 * window's id for a new walk-in note, so a save repeated after a lost answer updates, not duplicates. Promises and follow-ups
 * are a JSON array in `items`; `items_text` is their plain text for the full-text index, which
 * is kept in step with `notes` by triggers (FTS5 with external content). The index holds text
 * folded by `calmdeck_fold` (see fold.ts), which every connection registers before migrating.
 */
export const migration003: Migration = {
  version: 3,
  name: 'notes',
  up(db) {
    db.exec(`
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        call_id INTEGER UNIQUE REFERENCES calls (id),
        draft_key TEXT UNIQUE,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1,
        what_happened TEXT NOT NULL DEFAULT '',
        caller_wants TEXT NOT NULL DEFAULT '',
        resolved TEXT NOT NULL DEFAULT '',
        free_text TEXT NOT NULL DEFAULT '',
        items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(items)),
        items_text TEXT NOT NULL DEFAULT ''
      ) STRICT;
      CREATE INDEX notes_by_update ON notes (updated_at);

      CREATE VIRTUAL TABLE notes_fts USING fts5(
        what_happened, caller_wants, resolved, free_text, items_text,
        content = 'notes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts (rowid, what_happened, caller_wants, resolved, free_text, items_text)
        VALUES (new.id, calmdeck_fold(new.what_happened), calmdeck_fold(new.caller_wants), calmdeck_fold(new.resolved), calmdeck_fold(new.free_text), calmdeck_fold(new.items_text));
      END;
      CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, what_happened, caller_wants, resolved, free_text, items_text)
        VALUES ('delete', old.id, calmdeck_fold(old.what_happened), calmdeck_fold(old.caller_wants), calmdeck_fold(old.resolved), calmdeck_fold(old.free_text), calmdeck_fold(old.items_text));
      END;
      CREATE TRIGGER notes_fts_update AFTER UPDATE ON notes BEGIN
        INSERT INTO notes_fts (notes_fts, rowid, what_happened, caller_wants, resolved, free_text, items_text)
        VALUES ('delete', old.id, calmdeck_fold(old.what_happened), calmdeck_fold(old.caller_wants), calmdeck_fold(old.resolved), calmdeck_fold(old.free_text), calmdeck_fold(old.items_text));
        INSERT INTO notes_fts (rowid, what_happened, caller_wants, resolved, free_text, items_text)
        VALUES (new.id, calmdeck_fold(new.what_happened), calmdeck_fold(new.caller_wants), calmdeck_fold(new.resolved), calmdeck_fold(new.free_text), calmdeck_fold(new.items_text));
      END;
    `)
  },
}
