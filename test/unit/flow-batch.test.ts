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
});
