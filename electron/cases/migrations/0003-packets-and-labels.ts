import type { Migration } from './migration';
import { flowColumnsSince } from './flow-columns';

/**
 * The packet index (each flow's packets as offsets into its evidence file, with
 * times, lengths and directions; see flows/packet-index.ts), what a reader needs
 * to find records at those offsets again, and the label/prediction columns.
 */
export const packetsAndLabels: Migration = {
  version: 3,
  name: 'packet index, evidence layout, labels and predictions',
  up(db) {
    for (const col of flowColumnsSince(3)) db.exec(`ALTER TABLE flows ADD COLUMN ${col}`);
    db.exec(`
      CREATE TABLE flow_packets (
        flow_id INTEGER PRIMARY KEY REFERENCES flows(id) ON DELETE CASCADE,
        evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
        packet_count INTEGER NOT NULL,
        packet_index BLOB NOT NULL
      );
      CREATE INDEX flow_packets_evidence ON flow_packets(evidence_id);
      ALTER TABLE evidence ADD COLUMN layout TEXT NOT NULL DEFAULT '{}';
      CREATE INDEX flows_label ON flows(label);
      CREATE INDEX flows_prediction ON flows(prediction);
    `);
  },
};
