import type { Migration } from './migration';
import { flowColumnsSince } from './flow-columns';

/**
 * The engine's full flow record: endpoints, lifecycle, application metadata,
 * TCP analysis, packet statistics, CICFlowMeter features, first-packet sequences;
 * plus packet comments from pcapng files and names learnt from DNS and NRBs.
 */
export const engineFields: Migration = {
  version: 2,
  name: 'engine fields, packet comments, names',
  up(db) {
    for (const col of flowColumnsSince(2)) db.exec(`ALTER TABLE flows ADD COLUMN ${col}`);
    db.exec(`
      CREATE TABLE packet_comments (
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        packet_index INTEGER NOT NULL,
        comment TEXT NOT NULL
      );
      CREATE INDEX packet_comments_evidence ON packet_comments(evidence_id, packet_index);
      CREATE TABLE names (
        address TEXT NOT NULL,
        name TEXT NOT NULL,
        source TEXT NOT NULL,
        first_ts REAL,
        evidence_id INTEGER REFERENCES evidence(id) ON DELETE CASCADE,
        PRIMARY KEY (address, name, source)
      ) WITHOUT ROWID;
      ALTER TABLE evidence ADD COLUMN skipped_reasons TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE evidence ADD COLUMN link_types TEXT NOT NULL DEFAULT '{}';
      ALTER TABLE evidence ADD COLUMN interface_stats TEXT NOT NULL DEFAULT '[]';
      CREATE INDEX flows_app ON flows(app);
      CREATE INDEX flows_sni ON flows(sni);
      CREATE INDEX flows_src_ip ON flows(src_ip);
      CREATE INDEX flows_dst_ip ON flows(dst_ip);
    `);
  },
};
