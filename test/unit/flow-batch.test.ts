import { afterAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../../electron/cases/case-db';
import { addEvidence } from '../../electron/cases/evidence-store';
import { appendRow, newBatch } from '../../electron/cases/flow-batch';
import { FlowWriter } from '../../electron/cases/flow-writer';
import { columnOf, newRow } from '../../electron/flows/flow-row';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

// Names as captures carry them: ASCII, IDNs decoded to Unicode, astral characters, empty and absent.
const hosts = ['example.com', 'bücher.example', '例え.テスト', 'emoji-😀.example', '', null];

function row(id: number, host: string | null) {
  const r = newRow();
  r[columnOf('id')] = id;
  r[columnOf('proto')] = 'tcp';
  r[columnOf('src_ip')] = '10.0.0.1';
  r[columnOf('dst_ip')] = '2001:db8::1';
  r[columnOf('src_port')] = 40000 + id;
  r[columnOf('dst_port')] = 443;
  r[columnOf('first_ts')] = 1700000000.125;
  r[columnOf('packets')] = id;
  r[columnOf('sni')] = host;
  r[columnOf('http_host')] = host === null ? null : host.toUpperCase();
  return r;
}

describe('flow batches', () => {
  it('carry every text (UTF-8, empty, NULL) and number to the case exactly, across a growing text buffer', () => {
    const db = openCaseDb(tmp.path('batch.flowsight'), { create: true });
    const evidenceId = addEvidence(db, { path: '/x.pcap', size: 1, mtime: 0, source: 'import', options: {}, user: 'test' });
    // A batch starts with 256 text bytes per row: every 7th row's 1,500-character names make it grow.
    const batch = newBatch(evidenceId, 300);
    const expected: { id: number; sni: string | null; http_host: string | null; src_port: number; dst_ip: string; first_ts: number }[] = [];
    for (let id = 1; id <= 300; id++) {
      const host = hosts[id % hosts.length] === null ? null : `${hosts[id % hosts.length]}${'x'.repeat(id % 7 === 0 ? 1500 : 0)}`;
      expect(appendRow(batch, row(id, host), new Uint8Array([id & 0xff]))).toBe(true);
      expected.push({ id, sni: host, http_host: host === null ? null : host.toUpperCase(), src_port: 40000 + id, dst_ip: '2001:db8::1', first_ts: 1700000000.125 });
    }
    expect(batch.text.length).toBeGreaterThan(300 * 256);
    new FlowWriter(db).writePacked(batch);
    const got = db.prepare('SELECT id, sni, http_host, src_port, dst_ip, first_ts FROM flows ORDER BY id').all();
    expect(got).toEqual(expected);
    const index = db.prepare('SELECT flow_id, packet_index FROM flow_packets ORDER BY flow_id').all() as { flow_id: number; packet_index: Buffer }[];
    expect(index.map((r) => [r.flow_id, [...r.packet_index]])).toEqual(expected.map((e) => [e.id, [e.id & 0xff]]));
    db.close();
  });

  it('go in once on an import, and are replaced as they grow on a live capture', () => {
    const batchOf = (evidenceId: number, packets: number, index: number[]) => {
      const b = newBatch(evidenceId, 4);
      const r = row(7, 'example.com');
      r[columnOf('packets')] = packets;
      appendRow(b, r, new Uint8Array(index));
      return b;
    };
    const read = (db: ReturnType<typeof openCaseDb>) => db.prepare('SELECT f.packets, p.packet_count, p.packet_index FROM flows f JOIN flow_packets p ON p.flow_id = f.id').all() as { packets: number; packet_count: number; packet_index: Buffer }[];

    const live = openCaseDb(tmp.path('live.flowsight'), { create: true });
    const liveEvidence = addEvidence(live, { path: 'lo', size: 0, mtime: 0, source: 'capture', options: {}, user: 'test' });
    const growing = new FlowWriter(live, { growing: true });
    growing.writePacked(batchOf(liveEvidence, 2, [1, 2]));
    growing.writePacked(batchOf(liveEvidence, 5, [1, 2, 3, 4, 5]));
    expect(read(live).map((r) => [r.packets, r.packet_count, [...r.packet_index]])).toEqual([[5, 5, [1, 2, 3, 4, 5]]]);
    live.close();

    // An import never writes a flow twice: a second write of the same id is a bug, refused whole.
    const db = openCaseDb(tmp.path('import.flowsight'), { create: true });
    const evidenceId = addEvidence(db, { path: '/x.pcap', size: 1, mtime: 0, source: 'import', options: {}, user: 'test' });
    const once = new FlowWriter(db);
    once.writePacked(batchOf(evidenceId, 2, [1, 2]));
    expect(() => once.writePacked(batchOf(evidenceId, 5, [1, 2, 3, 4, 5]))).toThrow(/UNIQUE constraint failed: flow_packets.flow_id/);
    expect(read(db).map((r) => [r.packets, r.packet_count, [...r.packet_index]])).toEqual([[2, 2, [1, 2]]]);
    db.close();
  });
});
