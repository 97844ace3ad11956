import { spawnSync } from 'node:child_process';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../../electron/cases/case-db';
import { jsonl, runCli } from '../support/cli';
import { repoRoot } from '../support/corpus';
import { tempDir } from '../support/tmp';

// Hand-written files in the real formats (test/fixtures/flow-logs): CIC-IDS2017's
// 85-column "TrafficLabelling" header with its leading spaces and duplicated
// "Fwd Header Length"; CSE-CIC-IDS2018's 80 abbreviated columns (no addresses)
// with a repeated header row; Zeek conn.log TSV (Conn::Info columns, #fields
// header) and JSON lines; NSL-KDD (43 fields) and KDD Cup 99 (42, labels with a
// trailing dot); a generic CSV mapped column by column.
const fixture = (name: string) => join(repoRoot, 'test', 'fixtures', 'flow-logs', name);

interface Flow {
  id: number;
  proto: string;
  src_ip: string | null;
  dst_ip: string | null;
  src_port: number | null;
  dst_port: number | null;
  first_ts: number | null;
  duration: number | null;
  packets: number | null;
  bytes: number | null;
  fwd_packets: number | null;
  bwd_packets: number | null;
  fwd_bytes: number | null;
  bwd_bytes: number | null;
  conn_state: string | null;
  history: string | null;
  app: string | null;
  label: string | null;
  flow_iat_mean: number | null;
  flow_bytes_per_s: number | null;
  init_win_fwd: number | null;
}

describe('flow logs as evidence (flowsight import-flows)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());
  let n = 0;
  const importInto = (file: string, args: string[] = []) => {
    const casePath = tmp.path(`case-${n++}.flowsight`);
    const r = runCli(['import-flows', '--quiet', '--case', casePath, fixture(file), ...args]);
    return { ...r, casePath, flows: () => jsonl<Flow>(runCli(['flows', '--case', casePath]).stdout) };
  };
  const labelsOf = (casePath: string) => {
    const db = openCaseDb(casePath, { readOnly: true });
    try {
      return db.prepare('SELECT flow_id, label, provenance, author, detail FROM labels ORDER BY flow_id').all() as { flow_id: number; label: string; provenance: string; author: string; detail: string }[];
    } finally {
      db.close();
    }
  };

  it('CIC-IDS2017 (long names): flows with CIC units converted, labels with provenance import, bad rows by line', () => {
    const r = importInto('cic-ids2017.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('cic, 4 flows, 4 labelled, 2 bad rows');
    expect(r.stderr).toContain('line 5: Flow Duration is negative (-1)');
    expect(r.stderr).toContain('line 6: 7 fields where the header has 85');
    const flows = r.flows();
    expect(flows.map((f) => [f.src_ip, f.src_port, f.dst_ip, f.dst_port, f.proto])).toEqual([
      ['192.168.10.5', 54865, '104.16.207.165', 443, 'tcp'],
      ['192.168.10.50', 1045, '192.168.10.3', 53, 'udp'],
      ['172.16.0.1', 33440, '192.168.10.50', 80, 'tcp'],
      ['192.168.10.9', 51000, '192.168.10.3', 22, 'tcp'],
    ]);
    const [a, b, c, d] = flows;
    // 3/7/2017 is 3 July (day first), read as UTC; microseconds become seconds.
    expect(a.first_ts).toBe(Date.UTC(2017, 6, 3, 8, 55) / 1000);
    expect(a.duration).toBe(3);
    expect([a.fwd_packets, a.bwd_packets, a.packets, a.fwd_bytes, a.bwd_bytes, a.bytes]).toEqual([3, 1, 4, 12, 6, 18]);
    expect(a.flow_iat_mean).toBe(1.5);
    expect(a.init_win_fwd).toBe(29200);
    expect(a.app).toBe('HTTPS');
    expect(b.flow_bytes_per_s).toBeNull(); // "Infinity" in the file
    expect(c.first_ts).toBe(Date.UTC(2017, 6, 7, 15, 30, 1) / 1000);
    expect(flows.map((f) => f.label)).toEqual(['BENIGN', 'BENIGN', 'DDoS', 'SSH-Patator']);
    const labels = labelsOf(r.casePath);
    expect(labels.map((l) => [l.flow_id, l.label, l.provenance, l.detail])).toEqual([
      [a.id, 'BENIGN', 'import', 'cic-ids2017.csv'],
      [b.id, 'BENIGN', 'import', 'cic-ids2017.csv'],
      [c.id, 'DDoS', 'import', 'cic-ids2017.csv'],
      [d.id, 'SSH-Patator', 'import', 'cic-ids2017.csv'],
    ]);
  });

  it('CSE-CIC-IDS2018 (short names, no addresses): the repeated header is skipped, an impossible time is a bad row', () => {
    const r = importInto('cse-cic-ids2018.csv');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('cic, 3 flows, 3 labelled, 1 bad rows');
    expect(r.stderr).toContain('line 6: Timestamp "16/02/2018 25:12:05" is not a time');
    const flows = r.flows();
    expect(flows.map((f) => [f.src_ip, f.dst_ip, f.dst_port, f.proto, f.fwd_packets, f.bwd_packets, f.fwd_bytes, f.bwd_bytes, f.label])).toEqual([
      [null, null, 0, 'other', 3, 0, 0, 0, 'Benign'],
      [null, null, 22, 'tcp', 15, 10, 1239, 2273, 'Benign'],
      [null, null, 80, 'tcp', 2, 0, 0, 0, 'DoS attacks-Hulk'],
    ]);
    expect(flows[1].duration).toBe(6.453966);
    expect(flows[1].first_ts).toBe(Date.UTC(2018, 1, 14, 8, 40, 13) / 1000);
  });

  it('Zeek conn.log as TSV and as JSON lines give the same flows', () => {
    const tsv = importInto('zeek-conn.log');
    expect(tsv.code, tsv.stderr).toBe(0);
    expect(tsv.stderr).toContain('zeek, 4 flows, 0 labelled, 1 bad rows');
    expect(tsv.stderr).toContain('line 13: ts "notatime" is not a time');
    const json = importInto('zeek-conn.json');
    expect(json.stderr).toContain('zeek, 4 flows, 0 labelled, 1 bad rows');
    expect(json.stderr).toContain('line 3: not a JSON object');
    const pick = (f: Flow) => [f.src_ip, f.src_port, f.dst_ip, f.dst_port, f.proto, f.first_ts, f.duration, f.fwd_packets, f.bwd_packets, f.fwd_bytes, f.bwd_bytes, f.conn_state, f.history];
    const flows = tsv.flows();
    expect(flows.map(pick)).toEqual(json.flows().map(pick));
    expect(flows.map(pick)).toEqual([
      ['192.168.1.10', 50001, '142.250.185.78', 443, 'tcp', 1741770010.123456, 12.345678, 20, 45, 2274, 59129, 'SF', 'ShADadFf'],
      ['192.168.1.10', 53124, '192.168.1.1', 53, 'udp', 1741770011.0001, 0.004, 1, 1, 61, 77, 'SF', 'Dd'],
      // Unset duration and byte counts: a SYN that was never answered.
      ['133.242.0.3', 61000, '192.168.1.20', 22, 'tcp', 1741770012.5, 0, 1, 0, 44, 0, 'S0', 'S'],
      ['192.168.1.20', 3, '1.1.1.1', 0, 'icmp', 1741770013, 1, 2, 2, 168, 168, 'OTH', null],
    ]);
  });

  it('NSL-KDD and KDD Cup 99: no addresses or times; service as port, flag as state, class as label', () => {
    const nsl = importInto('nsl-kdd.txt');
    expect(nsl.code, nsl.stderr).toBe(0);
    expect(nsl.stderr).toContain('nslkdd, 5 flows, 5 labelled, 1 bad rows');
    expect(nsl.stderr).toContain('line 5: flag "XX" is not a connection state');
    expect(nsl.flows().map((f) => [f.src_ip, f.dst_ip, f.first_ts, f.proto, f.src_port, f.dst_port, f.conn_state, f.fwd_bytes, f.bwd_bytes, f.label])).toEqual([
      [null, null, null, 'tcp', null, 20, 'SF', 491, 0, 'normal'],
      [null, null, null, 'udp', null, null, 'SF', 146, 0, 'normal'],
      [null, null, null, 'tcp', null, null, 'S0', 0, 0, 'neptune'],
      [null, null, null, 'icmp', 8, null, 'SF', 20, 0, 'ipsweep'],
      [null, null, null, 'tcp', null, 80, 'SF', 219, 1098, 'normal'],
    ]);
    const kdd = importInto('kddcup99.txt');
    expect(kdd.stderr).toContain('nslkdd, 3 flows, 3 labelled, 0 bad rows');
    expect(kdd.flows().map((f) => f.label)).toEqual(['normal', 'smurf', 'neptune']);
  });

  it('a generic CSV needs a mapping; each bad row is reported with its line and reason, good rows are kept', () => {
    const map = 'src_ip=SrcAddr,dst_ip=DstAddr,src_port=Sport,dst_port=Dport,proto=Proto,start=StartTime,duration=Dur,bytes=TotBytes,packets=TotPkts,state=State,label=Label';
    const r = importInto('generic.csv', ['--map', map]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('  line'))).toEqual([
      '  line 4: DstAddr "not-an-ip" is not an IP address',
      '  line 5: TotBytes "abc" is not a number',
      '  line 6: 4 fields where the header has 11',
      '  line 7: TotBytes "9,000" is not a number',
      '  line 9: Proto "weird" is not a protocol name or number',
    ]);
    const flows = r.flows();
    expect(flows.map((f) => [f.src_ip, f.dst_ip, f.dst_port, f.first_ts, f.duration, f.bytes, f.packets, f.fwd_bytes, f.conn_state, f.label])).toEqual([
      ['10.0.0.5', '93.184.216.34', 443, Date.UTC(2025, 2, 12, 9) / 1000, 1.5, 4200, 12, null, 'FIN', 'normal'],
      ['10.0.0.5', '10.0.0.1', 53, Date.UTC(2025, 2, 12, 9, 0, 1, 250) / 1000, 0.01, 180, 2, null, 'CON', 'normal'],
      ['10.0.0.7', '198.51.100.20', 22, 1741770010, 30, 9000, 40, null, 'FIN', 'botnet, C&C'],
    ]);
    // The case keeps the bad rows' reasons with the evidence.
    const db = openCaseDb(r.casePath, { readOnly: true });
    const ev = db.prepare('SELECT kind, format, skipped, problems, skipped_reasons FROM evidence').get() as { kind: string; format: string; skipped: number; problems: string; skipped_reasons: string };
    db.close();
    expect([ev.kind, ev.format, ev.skipped]).toEqual(['flow-log', 'flow-log:generic', 5]);
    expect(JSON.parse(ev.problems)).toContain('line 7: TotBytes "9,000" is not a number');
    expect(JSON.parse(ev.skipped_reasons)).toEqual({ address: 1, number: 2, columns: 1, protocol: 1 });
  });

  it('refuses a mapping that names no column of the file, and a bad --map, before touching the case', () => {
    const r = importInto('generic.csv', ['--map', 'src_ip=Source,dst_ip=DstAddr']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('flowsight: mapping: no column named "Source" (columns: SrcAddr, DstAddr, Sport, Dport, Proto, StartTime, Dur, TotBytes, TotPkts, State, Label)');
    const bad = importInto('generic.csv', ['--map', 'source=SrcAddr']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--map: unknown field "source"');
  });

  it('streams a 200,000-row CSV: every row a flow, memory flat while the file is larger than what the heap may grow', async () => {
    const file = tmp.path('big.csv');
    const out = createWriteStream(file);
    const pad = 'x'.repeat(300);
    out.write('Source IP,Destination IP,Bytes,Packets,Duration,Note\n');
    for (let i = 0; i < 200_000; i++) {
      const line = `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255},192.0.2.${i % 250},${1000 + i},${1 + (i % 50)},${(i % 600) / 10},${pad}\n`;
      if (!out.write(line)) await new Promise<void>((r) => out.once('drain', () => r()));
    }
    await new Promise<void>((r) => out.end(r));
    // A process of its own with --expose-gc, so only what the import holds on to is measured.
    const probe = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(repoRoot, 'test', 'support', 'flow-import-probe.ts'), file, tmp.path('big.flowsight')], { encoding: 'utf8', cwd: repoRoot });
    expect(probe.status, probe.stderr).toBe(0);
    const r = JSON.parse(probe.stdout) as { flows: number; badRows: number; retainedMiB: number };
    expect([r.flows, r.badRows]).toEqual([200_000, 0]);
    const db = openCaseDb(tmp.path('big.flowsight'), { readOnly: true });
    const flows = db.prepare('SELECT count(*) AS n, sum(bytes) AS b FROM flows').get() as { n: number; b: number };
    db.close();
    expect(flows).toEqual({ n: 200_000, b: 200_000 * 1000 + (199_999 * 200_000) / 2 });
    // The file is several times what the import may keep: it cannot be holding it.
    expect(statSync(file).size / 2 ** 20).toBeGreaterThan(60);
    expect(r.retainedMiB).toBeLessThan(20);
  });
});
