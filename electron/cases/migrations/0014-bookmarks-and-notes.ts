import type { Migration } from './migration';

/**
 * Bookmarks (one tag per target) and notes (any number per target) on flows,
 * hosts and findings. A target is (kind, key): the flow id, the host's address
 * text or the finding id as text, so findings need no schema change when their
 * table lands. Removal is soft (removed_at); a new tag replaces the old row.
 */
export const bookmarksAndNotes: Migration = {
  version: 14,
  name: 'bookmarks and notes',
  up(db) {
    db.exec(`
      CREATE TABLE bookmarks (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('flow', 'host', 'finding')),
        key TEXT NOT NULL,
        tag TEXT NOT NULL CHECK (tag IN ('interesting', 'suspicious', 'malicious', 'evidence')),
        author TEXT NOT NULL,
        created_at REAL NOT NULL,
        removed_at REAL
      );
      CREATE UNIQUE INDEX bookmarks_target ON bookmarks(kind, key) WHERE removed_at IS NULL;
      CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('flow', 'host', 'finding')),
        key TEXT NOT NULL,
        text TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at REAL NOT NULL,
        updated_at REAL NOT NULL,
        removed_at REAL
      );
      CREATE INDEX notes_target ON notes(kind, key) WHERE removed_at IS NULL;
    `);
  },
};
