import { writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { importCsvLabels } from '../../../electron/labels/csv-label-import';
import { undoLabels } from '../../../electron/cases/label-store';
import { caseWithFlows, labelsOf, type TestFlow } from '../../support/label-case';

// Flows 1 and 2 reuse one 5-tuple at different times; 5 is IPv6; 6 is UDP on the same ports as 1.
const flows: TestFlow[] = [
  { id: 1, src: '10.20.0.2', sport: 41001, dst: '157.240.1.53', dport: 443, first: 1000, last: 1004 },
  { id: 2, src: '10.20.0.2', sport: 41001, dst: '157.240.1.53', dport: 443, first: 1010, last: 1012 },
  { id: 3, src: '10.20.0.2', sport: 40004, dst: '157.240.1.60', dport: 443, first: 1020, last: 1030 },
  { id: 4, src: '10.20.0.2', sport: 40007, dst: '157.240.2.174', dport: 443, first: 1040, last: 1041 },
  { id: 5, src: '2001:db8::2', sport: 50000, dst: '2001:db8:ff::1', dport: 443, first: 1050, last: 1051 },
  { id: 6, proto: 'udp', src: '10.20.0.2', sport: 41001, dst: '157.240.1.53', dport: 443, first: 1001, last: 1002 },
];

let open: ReturnType<typeof caseWithFlows> | null = null;
afterEach(() => open?.cleanup());

function run(csv: string, tolerance = 1) {
  open = caseWithFlows(flows);
  const file = open.path.replace(/labels\.flowsight$/, 'truth.csv');
  writeFileSync(file, csv);
  return { report: importCsvLabels(open.db, file, { toleranceSeconds: tolerance, author: 'tester' }), db: open.db };
}

describe('ground-truth CSV import', () => {
  it('matches a row in either direction; without first_ts it labels every flow of the 5-tuple', () => {
    const { report, db } = run(
      [
        'src_ip,src_port,dst_ip,dst_port,proto,label',
        '157.240.1.60,443,10.20.0.2,40004,tcp,WhatsApp/send-photo', // written server → client
        '10.20.0.2,41001,157.240.1.53,443,6,WhatsApp/send-text', // both TCP flows of the tuple, not the UDP one
        '2001:DB8:0:0::2,50000,2001:db8:ff:0:0:0:0:1,443,TCP,Maps/search', // IPv6 written another way
      ].join('\n'),
    );
    expect(report).toMatchObject({ rows: 3, matchedRows: 3, matchedFlows: 4, changed: 4, unmatched: [], bad: [], conflicts: [] });
    expect(report.batch).toMatch(/^csv-/);
    expect(labelsOf(db)).toEqual({ 1: 'WhatsApp/send-text', 2: 'WhatsApp/send-text', 3: 'WhatsApp/send-photo', 4: null, 5: 'Maps/search', 6: null });
    const details = db.prepare('SELECT flow_id, provenance, detail FROM labels ORDER BY flow_id').all();
    expect(details).toEqual([
      { flow_id: 1, provenance: 'csv', detail: 'truth.csv line 3' },
      { flow_id: 2, provenance: 'csv', detail: 'truth.csv line 3' },
      { flow_id: 3, provenance: 'csv', detail: 'truth.csv line 2' },
      { flow_id: 5, provenance: 'csv', detail: 'truth.csv line 4' },
    ]);
  });

  it('with first_ts, picks the one flow whose span (± tolerance) holds it, and reports rows no flow spans', () => {
    const { report, db } = run(
      [
        'first_ts,proto,src_ip,src_port,dst_ip,dst_port,label', // columns in any order
        '1010.4,tcp,157.240.1.53,443,10.20.0.2,41001,WhatsApp/send-text',
        '1000.0,tcp,10.20.0.2,41001,157.240.1.53,443,WhatsApp/send-voice',
        '1004.9,tcp,10.20.0.2,41001,157.240.1.53,443,WhatsApp/typing', // 0.9 s after flow 1 ended: within tolerance
        '1007.0,tcp,10.20.0.2,41001,157.240.1.53,443,WhatsApp/nothing', // between the two flows
        '1970-01-01T00:17:20Z,tcp,10.20.0.2,40004,157.240.1.60,443,WhatsApp/send-photo', // ISO time = 1040 s: flow 3 ended at 1030
        '2024-05-01T10:00:00+02:00,udp,10.9.9.9,1,10.9.9.8,2,Other/thing',
      ].join('\n'),
    );
    expect(report.matchedRows).toBe(3);
    expect(report.unmatched).toEqual([
      { line: 5, reason: 'no flow with tcp 10.20.0.2:41001 ↔ 157.240.1.53:443 spans first_ts 1007 ± 1 s (the nearest starts 3.000 s away)' },
      { line: 6, reason: 'no flow with tcp 10.20.0.2:40004 ↔ 157.240.1.60:443 spans first_ts 1040 ± 1 s (the nearest starts 20.000 s away)' },
      { line: 7, reason: 'no flow has the 5-tuple udp 10.9.9.9:1 ↔ 10.9.9.8:2' },
    ]);
    // Lines 3 and 4 both match flow 1: the later wins and the earlier is reported.
    expect(report.conflicts).toEqual([{ line: 3, reason: 'flow 1 is also matched by line 4, whose label "WhatsApp/typing" replaces "WhatsApp/send-voice"' }]);
    expect(labelsOf(db)).toMatchObject({ 1: 'WhatsApp/typing', 2: 'WhatsApp/send-text', 3: null });
    expect(report).toMatchObject({ matchedFlows: 2, changed: 2, unmatchedCount: 3, conflictCount: 1 });
  });

  it('a zero tolerance needs the time inside the flow', () => {
    const { report } = run('src_ip,src_port,dst_ip,dst_port,proto,label,first_ts\n10.20.0.2,41001,157.240.1.53,443,tcp,A/b,1004.5\n', 0);
    expect(report.unmatchedCount).toBe(1);
  });

  it('reports bad rows by line and reason, and labels the good ones', () => {
    const { report, db } = run(
      [
        'Source IP,Source Port,Destination IP,Destination Port,Protocol,Label,Timestamp', // CICFlowMeter's names; its Timestamp is ignored
        '10.20.0.2,40007,157.240.2.174,443,6,Instagram/browse-feed,3/7/2017 8:55',
        '10.20.0.256,40007,157.240.2.174,443,6,X',
        '10.20.0.2,70000,157.240.2.174,443,6,X',
        '10.20.0.2,40007,157.240.2.174,443,gre?,X',
        '10.20.0.2,40007,157.240.2.174,443,6,',
        '10.20.0.2,40007,157.240.2.174,443,6,WhatsApp/',
        '10.20.0.2,40007',
        '"10.20.0.2,40007,157.240.2.174,443,6,X',
      ].join('\n'),
    );
    expect(report.bad).toEqual([
      { line: 3, reason: 'src_ip "10.20.0.256" is not an IPv4 or IPv6 address' },
      { line: 4, reason: 'src_port "70000" is not a port (0–65535)' },
      { line: 5, reason: 'proto "gre?" is not tcp, udp, icmp, icmpv6 or an IP protocol number' },
      { line: 6, reason: 'label: a label cannot be empty' },
      { line: 7, reason: 'label: "WhatsApp/" has an empty part: write app or app/activity' },
      { line: 8, reason: '2 cells, the header has at least 6' },
      { line: 9, reason: 'a quoted cell is never closed' },
    ]);
    expect(report).toMatchObject({ rows: 8, matchedRows: 1, badCount: 7, changed: 1 });
    expect(labelsOf(db)[4]).toBe('Instagram/browse-feed');
  });

  it('bad first_ts values are bad rows', () => {
    const { report } = run('src_ip,src_port,dst_ip,dst_port,proto,label,first_ts\n10.20.0.2,40007,157.240.2.174,443,tcp,A,yesterday\n10.20.0.2,40007,157.240.2.174,443,tcp,A,2024-05-01 10:00\n');
    expect(report.bad.map((b) => b.line)).toEqual([2, 3]);
    expect(report.bad[1].reason).toMatch(/neither epoch seconds nor an ISO 8601 time/);
  });

  it('refuses a file whose header lacks a required column, naming the file and the columns', () => {
    expect(() => run('src,sport,dst,dport,proto,label\n')).toThrow(/truth\.csv: line 1: the header lacks src_ip, src_port, dst_ip, dst_port/);
    expect(() => run('')).toThrow(/the file is empty/);
  });

  it('is one act: undo takes every label of the import back', () => {
    const { report, db } = run('src_ip,src_port,dst_ip,dst_port,proto,label\n10.20.0.2,40004,157.240.1.60,443,tcp,A\n10.20.0.2,40007,157.240.2.174,443,tcp,B\n');
    expect(report.changed).toBe(2);
    expect(undoLabels(db, report.batch!)).toBe(2);
    expect(Object.values(labelsOf(db)).every((l) => l === null)).toBe(true);
  });
});
