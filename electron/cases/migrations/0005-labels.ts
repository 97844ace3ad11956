import type { Migration } from './migration';

/**
 * Labels with their history: every act of labelling is a row (who, when, how,
 * what exactly), undoing one marks it instead of deleting it, and `flows.label`
 * keeps the current label so tables and filters read it directly.
 */
export const labels: Migration = {
  version: 5,
  name: 'labels with provenance',
  up(db) {
    db.exec(`
      CREATE TABLE labels (
        id INTEGER PRIMARY KEY,
        flow_id INTEGER NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        label TEXT NOT NULL,
        provenance TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at REAL NOT NULL,
        undone_at REAL,
        batch TEXT,
        detail TEXT
      );
      CREATE INDEX labels_flow ON labels(flow_id);
      CREATE INDEX labels_batch ON labels(batch);
    `);
  },
};
