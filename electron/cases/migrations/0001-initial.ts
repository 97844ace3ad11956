import type { Migration } from './migration';
import { flowColumnsSince } from './flow-columns';

export const initial: Migration = {
  version: 1,
  name: 'initial: meta, evidence, flows',
  up(db) {
    db.exec(`
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE evidence (
        id INTEGER PRIMARY KEY,
        path TEXT NOT NULL,
        format TEXT NOT NULL DEFAULT '',
        size INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL,
        packets INTEGER NOT NULL DEFAULT 0,
        skipped INTEGER NOT NULL DEFAULT 0,
        flows INTEGER NOT NULL DEFAULT 0,
        first_ts REAL,
        last_ts REAL,
        imported_at REAL NOT NULL,
        problems TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE flows (
        id INTEGER PRIMARY KEY,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        ${flowColumnsSince(1).join(',\n        ')}
      );
      CREATE INDEX flows_evidence ON flows(evidence_id);
      CREATE INDEX flows_first_ts ON flows(first_ts);
      CREATE INDEX flows_bytes ON flows(bytes);
      CREATE INDEX flows_packets ON flows(packets);
    `);
  },
};
