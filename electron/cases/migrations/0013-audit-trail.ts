import type { Migration } from './migration';
import { GENESIS_HASH } from '../audit-hash';

/**
 * The audit trail: one row per action that changed the case, each hashed with
 * the previous one's hash. Triggers keep it append-only inside SQLite: rows
 * cannot be updated or deleted, and a new row must continue the chain (the next
 * sequence number and the last hash). The head (last sequence number and hash)
 * is kept in `meta` too, so cutting entries off the end shows. Someone who edits the file outside SQLite's
 * rules is caught by `flowsight audit --verify`, which recomputes every hash.
 */
export const auditTrail: Migration = {
  version: 13,
  name: 'append-only, hash-chained audit trail',
  up(db) {
    db.exec(`
      CREATE TABLE audit (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        user TEXT NOT NULL,
        action TEXT NOT NULL,
        params TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its entries cannot be changed'); END;
      CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
      BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only: its entries cannot be deleted'); END;
      CREATE TRIGGER audit_extends_chain BEFORE INSERT ON audit
      WHEN NEW.seq IS NOT (SELECT ifnull(max(seq), 0) + 1 FROM audit)
        OR NEW.prev_hash IS NOT ifnull((SELECT hash FROM audit ORDER BY seq DESC LIMIT 1), '${GENESIS_HASH}')
      BEGIN SELECT RAISE(ABORT, 'an audit entry must continue the chain: the next sequence number and the last hash'); END;
      CREATE TRIGGER audit_head AFTER INSERT ON audit
      BEGIN INSERT OR REPLACE INTO meta (key, value) VALUES ('audit_head', NEW.seq || ' ' || NEW.hash); END;
    `);
  },
};
