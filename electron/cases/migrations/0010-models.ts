import type { Migration } from './migration';

/**
 * Trained and imported models, versioned per name: the listing columns,
 * and the whole model file (parameters, feature schema, metrics, training
 * set hash, trees) as JSON, so an export is exactly what was stored. The
 * confidence index serves "label next" (least sure predictions first).
 */
export const models: Migration = {
  version: 10,
  name: 'models',
  up(db) {
    db.exec(`
      CREATE TABLE models (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        version INTEGER NOT NULL,
        algorithm TEXT NOT NULL,
        level TEXT NOT NULL,
        created_at TEXT NOT NULL,
        source TEXT NOT NULL,
        training_hash TEXT NOT NULL,
        file TEXT NOT NULL,
        UNIQUE (name, version)
      );
      CREATE INDEX flows_confidence ON flows(confidence);
    `);
  },
};
