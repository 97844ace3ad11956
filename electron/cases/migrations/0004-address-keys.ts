import { ipKey } from '../../../shared/net/ip-key';
import type { Migration } from './migration';

const BATCH = 10_000;

/**
 * Sortable 16-byte address keys beside the text addresses (shared/net/ip-key.ts:
 * IPv6 bytes, IPv4 as ::ffff:a.b.c.d), so display filters match an address with
 * `=` and a CIDR block with BETWEEN on an index, for both families. They are
 * storage, not flow attributes, so they are not in the field registry; the flow
 * writer fills them for new rows. Existing rows get theirs here, computed in
 * JavaScript (SQLite cannot parse addresses), read and updated in id order a
 * batch at a time so a large case does not sit in memory.
 */
export const addressKeys: Migration = {
  version: 4,
  name: 'address keys for display filters',
  up(db) {
    db.exec('ALTER TABLE flows ADD COLUMN src_ip_key BLOB');
    db.exec('ALTER TABLE flows ADD COLUMN dst_ip_key BLOB');
    const read = db.prepare('SELECT id, src_ip, dst_ip FROM flows WHERE id > ? ORDER BY id LIMIT ?');
    const update = db.prepare('UPDATE flows SET src_ip_key = ?, dst_ip_key = ? WHERE id = ?');
    for (let after = 0; ; ) {
      const rows = read.all(after, BATCH) as { id: number; src_ip: string | null; dst_ip: string | null }[];
      if (rows.length === 0) break;
      for (const r of rows) update.run(r.src_ip === null ? null : ipKey(r.src_ip), r.dst_ip === null ? null : ipKey(r.dst_ip), r.id);
      after = rows[rows.length - 1].id;
    }
    // After the fill: one index build is cheaper than keeping it up row by row.
    db.exec('CREATE INDEX flows_src_ip_key ON flows(src_ip_key); CREATE INDEX flows_dst_ip_key ON flows(dst_ip_key);');
  },
};
