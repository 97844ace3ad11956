import type { Migration } from './migration';

/**
 * What an investigator needs to trust an evidence file: its SHA-256 (hashed
 * while it was read), the import options that shaped its flows, when and by
 * which process it was being written (an import that died is recognised on the
 * next open), and soft removal: a removed file's flows are hidden, not dropped,
 * until a purge.
 */
export const evidenceIntegrity: Migration = {
  version: 12,
  name: 'evidence hashes, import options, interrupted imports, soft removal',
  up(db) {
    db.exec(`
      ALTER TABLE evidence ADD COLUMN sha256 TEXT;
      ALTER TABLE evidence ADD COLUMN file_mtime REAL;
      ALTER TABLE evidence ADD COLUMN source TEXT NOT NULL DEFAULT 'import';
      ALTER TABLE evidence ADD COLUMN import_options TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE evidence ADD COLUMN first_flow_id INTEGER;
      ALTER TABLE evidence ADD COLUMN writer TEXT;
      ALTER TABLE evidence ADD COLUMN removed_at REAL;
      ALTER TABLE evidence ADD COLUMN purged_at REAL;
    `);
  },
};
