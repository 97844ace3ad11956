import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../../electron/cases/case-db';
import { addEvidence } from '../../electron/cases/evidence-store';
import { FlowWriter } from '../../electron/cases/flow-writer';
import { initial } from '../../electron/cases/migrations/0001-initial';
import { engineFields } from '../../electron/cases/migrations/0002-engine-fields';
import { columnOf, newRow } from '../../electron/flows/flow-row';
import { ipKey } from '../../shared/net/ip-key';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const hex = (b: Uint8Array | null) => (b ? Buffer.from(b).toString('hex') : null);
const addresses = ['10.0.0.1', '192.168.1.254', '2001:db8::1', 'fe80::1:2', '::ffff:10.0.0.1', '8.8.8.8', '::'];

describe('migration 0003: address keys', () => {
  it('adds and indexes src_ip_key and dst_ip_key, filling them for the rows of a schema-2 case', () => {
    const path = tmp.path('v2.flowsight');
    const raw = new Database(path);
    raw.transaction(() => {
      initial.up(raw);
      engineFields.up(raw);
      raw.pragma('user_version = 2');
      raw.prepare("INSERT INTO evidence (id, path, status, imported_at) VALUES (1, 'x.pcap', 'complete', 0)").run();
      const insert = raw.prepare('INSERT INTO flows (evidence_id, proto, src_ip, dst_ip) VALUES (1, ?, ?, ?)');
      // More rows than one migration batch (10 000), and a row without addresses.
      for (let i = 0; i < 23_456; i++) insert.run('tcp', addresses[i % addresses.length], addresses[(i * 3 + 1) % addresses.length]);
      insert.run('other', null, null);
    })();
    raw.close();

    const db = openCaseDb(path);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(3);
    const rows = db.prepare('SELECT src_ip, dst_ip, src_ip_key, dst_ip_key FROM flows ORDER BY id').all() as { src_ip: string | null; dst_ip: string | null; src_ip_key: Buffer | null; dst_ip_key: Buffer | null }[];
    expect(rows).toHaveLength(23_457);
    for (const r of rows) {
      expect(hex(r.src_ip_key)).toBe(r.src_ip === null ? null : hex(ipKey(r.src_ip)));
      expect(hex(r.dst_ip_key)).toBe(r.dst_ip === null ? null : hex(ipKey(r.dst_ip)));
    }
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flows'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toEqual(expect.arrayContaining(['flows_src_ip_key', 'flows_dst_ip_key']));
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM flows WHERE src_ip_key BETWEEN ? AND ?').all(ipKey('10.0.0.0'), ipKey('10.255.255.255')) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('flows_src_ip_key');
    db.close();
  });

  it('are written by the flow writer for new flows', () => {
    const db = openCaseDb(tmp.path('new.flowsight'), { create: true });
    const evidence = addEvidence(db, { path: 'y.pcap', size: 0, mtime: null, source: 'import', options: {}, user: 'test' });
    const rows = addresses.map((a, i) => {
      const row = newRow();
      row[columnOf('proto')] = 'udp';
      row[columnOf('src_ip')] = a;
      row[columnOf('dst_ip')] = addresses[(i + 2) % addresses.length];
      return row;
    });
    new FlowWriter(db).write(evidence, rows);
    const stored = db.prepare('SELECT src_ip, dst_ip, src_ip_key, dst_ip_key FROM flows ORDER BY id').all() as { src_ip: string; dst_ip: string; src_ip_key: Buffer; dst_ip_key: Buffer }[];
    expect(stored.map((r) => [hex(r.src_ip_key), hex(r.dst_ip_key)])).toEqual(stored.map((r) => [hex(ipKey(r.src_ip)), hex(ipKey(r.dst_ip))]));
    db.close();
  });
});
