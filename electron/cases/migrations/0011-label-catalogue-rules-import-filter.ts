import type { Migration } from './migration';

/**
 * The label catalogue (colours and descriptions of labels, so a label exists
 * before any flow carries it), labelling rules (kept so they can be run again
 * on later imports), and the import filter each evidence file was read with.
 */
export const labelCatalogueRulesImportFilter: Migration = {
  version: 11,
  name: 'label catalogue, labelling rules, evidence import filter',
  up(db) {
    db.exec(`
      CREATE TABLE label_catalogue (
        name TEXT PRIMARY KEY,
        colour TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at REAL NOT NULL
      );
      CREATE TABLE label_rules (
        id INTEGER PRIMARY KEY,
        field TEXT NOT NULL,
        match TEXT NOT NULL,
        pattern TEXT NOT NULL,
        label TEXT NOT NULL,
        author TEXT NOT NULL,
        created_at REAL NOT NULL
      );
      ALTER TABLE evidence ADD COLUMN import_filter TEXT;
      CREATE INDEX labels_created ON labels(created_at);
    `);
  },
};
