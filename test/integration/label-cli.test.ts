import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appActivityCapture } from '../support/app-activity';
import { jsonl, runCli } from '../support/cli';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Flow = Record<string, string | number | null>;

/**
 * The labelling loop of seed 002 on a generated capture whose ground truth is
 * known: import without the proxy, label by filter, by ground-truth CSV, by
 * rule; undo; export the training set. Every count is exact.
 */
describe('flowsight label on a per-app activity capture', () => {
  const cap = appActivityCapture();
  const c = tmp.path('loop.flowsight');
  const cli = (args: string[]) => {
    const r = runCli(args);
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };
  const flows = () => jsonl<Flow>(cli(['flows', '--case', c]));
  const activityFlow = (s: (typeof cap.sessions)[number], all: Flow[]) =>
    all.find((f) => f.proto === 'tcp' && f.src_ip === s.clientIp && f.src_port === s.clientPort && f.dst_ip === s.serverIp && f.first_ts === s.firstTs)!;
  const n = cap.sessions.length;
  const per = (label: string) => cap.sessions.filter((s) => s.label === label).length;
  let all: Flow[];
  let csvBatch = '';

  beforeAll(() => {
    const r = runCli(['ingest', '--quiet', '--case', c, cap.path, '--ip-only', '--exclude', cap.proxy, '--only-hosts', cap.phone, '--label', 'Phone/unsorted']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`labelled "Phone/unsorted": ${2 * n} flows \\(batch import-[0-9a-f]{8}\\)`));
    all = flows();
  });

  it('labels a whole import (provenance import)', () => {
    expect(all).toHaveLength(2 * n);
    expect(all.every((f) => f.label === 'Phone/unsorted')).toBe(true);
  });

  it('labels every flow a display filter matches, printing matched and changed counts', () => {
    const whatsapp = cap.sessions.filter((s) => s.sni.endsWith('whatsapp.net')).length;
    expect(whatsapp).toBe(per('WhatsApp/send-text') + per('WhatsApp/send-photo'));
    const out = cli(['label', '--case', c, '--filter', 'sni matches "(?i)whatsapp\\\\.net$"', '--label', 'WhatsApp']);
    expect(out).toMatch(new RegExp(`^labelled "WhatsApp": ${whatsapp} flows changed, ${whatsapp} matched \\(batch filter-[0-9a-f]{8}\\)\\n$`));
    expect(flows().filter((f) => f.label === 'WhatsApp')).toHaveLength(whatsapp);
    // The label is a filter field like any other.
    expect(jsonl(cli(['flows', '--case', c, '--filter', 'label == "WhatsApp"']))).toHaveLength(whatsapp);
    expect(jsonl(cli(['flows', '--case', c, '--filter', 'label matches "^Phone/"']))).toHaveLength(2 * n - whatsapp);
  });

  it('imports ground truth: both directions, first_ts for the reused 5-tuple, unmatched and bad rows reported by line', () => {
    // Every activity, half written server → client; the send-text sessions reuse one 5-tuple, so they carry first_ts.
    const rows = cap.sessions.map((s, i) => {
      const reversed = i % 2 === 1;
      const [a, ap, b, bp] = reversed ? [s.serverIp, s.serverPort, s.clientIp, s.clientPort] : [s.clientIp, s.clientPort, s.serverIp, s.serverPort];
      return `${a},${ap},${b},${bp},tcp,${s.label},${s.label === 'WhatsApp/send-text' ? (s.firstTs + 0.25).toFixed(6) : ''}`;
    });
    const csv = [
      'src_ip,src_port,dst_ip,dst_port,proto,label,first_ts',
      ...rows,
      '10.20.0.2,1,192.0.2.1,443,tcp,Nobody/none,', // line n+2: no such flow
      `10.20.0.2,41001,157.240.1.53,443,tcp,WhatsApp/send-text,${cap.sessions[0].firstTs - 60}`, // n+3: the tuple, but a minute before
      '10.20.0.2,99999,157.240.1.53,443,tcp,X,', // n+4: bad port
      'not-an-ip,1,157.240.1.53,443,tcp,X,', // n+5: bad address
    ].join('\n');
    const file = tmp.path('truth.csv');
    writeFileSync(file, csv);
    const out = cli(['label', '--case', c, '--import', file]);
    const lines = out.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${n + 4} rows: ${n} matched ${n} flows \\(${n} changed\\), 2 unmatched, 2 bad \\(batch (csv-[0-9a-f]{8})\\)$`));
    csvBatch = /batch (csv-[0-9a-f]{8})/.exec(lines[0])![1];
    expect(lines.slice(1)).toEqual([
      `line ${n + 4}: bad: src_port "99999" is not a port (0–65535)`,
      `line ${n + 5}: bad: src_ip "not-an-ip" is not an IPv4 or IPv6 address`,
      `line ${n + 2}: unmatched: no flow has the 5-tuple tcp 10.20.0.2:1 ↔ 192.0.2.1:443`,
      expect.stringMatching(new RegExp(`^line ${n + 3}: unmatched: no flow with tcp 10\\.20\\.0\\.2:41001 ↔ 157\\.240\\.1\\.53:443 spans first_ts [0-9.]+ ± 1 s \\(the nearest starts 60\\.000 s away\\)$`)),
    ]);
    const now = flows();
    for (const s of cap.sessions) expect(activityFlow(s, now).label, `${s.label} at ${s.firstTs}`).toBe(s.label);
    // DNS lookups are not in the ground truth: they keep the import's label.
    expect(now.filter((f) => f.proto === 'udp').every((f) => f.label === 'Phone/unsorted')).toBe(true);
  });

  it('counts classes and the imbalance at both levels', () => {
    const byActivity = cli(['label', '--case', c, '--counts']).trim().split('\n');
    expect(byActivity).toEqual([
      `${n}\tPhone/unsorted`,
      ...['Instagram/browse-feed', 'Instagram/view-story', 'Maps/search', 'WhatsApp/send-photo', 'WhatsApp/send-text'].map((l) => `${per(l)}\t${l}`),
      '0\t(unlabelled)',
      `imbalance ${(n / per('WhatsApp/send-text')).toFixed(2)}: Phone/unsorted / WhatsApp/send-text`,
    ]);
    const json = JSON.parse(cli(['label', '--case', c, '--counts', '--level', 'app', '--json'])) as { classes: { name: string; flows: number }[] };
    expect(json.classes.map((k) => [k.name, k.flows])).toEqual([
      ['Phone', n],
      ['Instagram', per('Instagram/browse-feed') + per('Instagram/view-story')],
      ['WhatsApp', per('WhatsApp/send-text') + per('WhatsApp/send-photo')],
      ['Maps', per('Maps/search')],
    ]);
  });

  it('runs rules (SNI → app) over the flows no one labelled more precisely', () => {
    cli(['label-rules', 'add', '--case', c, 'domain', 'googleapis.com', 'Maps']);
    cli(['label-rules', 'add', '--case', c, 'domain', 'cdninstagram.com', 'Instagram']);
    expect(cli(['label-rules', 'list', '--case', c])).toBe('1\tdomain\tdomain\tgoogleapis.com\tMaps\n2\tdomain\tdomain\tcdninstagram.com\tInstagram\n');
    // Everything carries a label: a plain run touches nothing.
    expect(cli(['label-rules', 'run', '--case', c])).toBe('rule 1\t0 flows\tMaps\nrule 2\t0 flows\tInstagram\n0 flows labelled\n');
    // Overwriting relabels the DNS lookups of those names; the activities are already within the apps.
    const maps = per('Maps/search');
    const stories = per('Instagram/view-story');
    expect(cli(['label-rules', 'run', '--case', c, '--overwrite'])).toMatch(new RegExp(`^rule 1\\t${maps} flows\\tMaps\\nrule 2\\t${stories} flows\\tInstagram\\n${maps + stories} flows labelled \\(batch rule-[0-9a-f]{8}\\)\\n$`));
    expect(jsonl(cli(['flows', '--case', c, '--filter', 'label == "Maps" && dns.query']))).toHaveLength(maps);
    expect(jsonl(cli(['flows', '--case', c, '--filter', 'label == "Instagram/view-story" && sni']))).toHaveLength(stories);
  });

  it('undoes an act and lists the history with provenance', () => {
    const undo = cli(['label', '--case', c, '--undo', csvBatch]);
    expect(undo).toBe(`undid ${csvBatch}: ${n} flows back to their previous label\n`);
    const now = flows();
    for (const s of cap.sessions) expect(activityFlow(s, now).label).toBe(s.sni.endsWith('whatsapp.net') ? 'WhatsApp' : 'Phone/unsorted');
    const again = runCli(['label', '--case', c, '--undo', csvBatch]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`flowsight: ${csvBatch} was undone already\n`);
    const history = cli(['label', '--case', c, '--list']).trim().split('\n').map((l) => l.split('\t'));
    expect(history.map((h) => [h[2], h[4]])).toEqual([
      ['rule', `${per('Maps/search') + per('Instagram/view-story')} flows`],
      ['csv', `${n} flows`],
      ['filter', `${per('WhatsApp/send-text') + per('WhatsApp/send-photo')} flows`],
      ['import', `${2 * n} flows`],
    ]);
    expect(history[1].at(-1)).toMatch(/^undone /);
    expect(cli(['label', '--case', c, '--undo', 'last'])).toMatch(/^undid rule-[0-9a-f]{8}: /);
    // One flow's provenance: the first send-text session went import → filter → csv (undone).
    const id = activityFlow(cap.sessions[0], flows()).id;
    const rows = cli(['label', '--case', c, '--provenance', String(id)]).trim().split('\n').map((l) => l.split('\t'));
    expect(rows.map((r) => [r[1], r[3], r[4]])).toEqual([
      ['csv', 'WhatsApp/send-text', csvBatch],
      ['filter', 'WhatsApp', expect.stringMatching(/^filter-[0-9a-f]{8}$/)],
      ['import', 'Phone/unsorted', expect.stringMatching(/^import-[0-9a-f]{8}$/)],
    ]);
    expect(rows[0].at(-1)).toMatch(/^undone /);
    expect(rows[1].at(-1)).toBe('sni matches "(?i)whatsapp\\\\.net$"');
    expect(runCli(['label', '--case', c, '--provenance', '999999']).stderr).toBe('flowsight: no flow 999999 in this case\n');
  });

  it('exports the labelled flows with features: CICFlowMeter columns plus Capture, App, Activity, Label; and JSONL', () => {
    const csvPath = tmp.path('dataset.csv');
    const r = runCli(['export-dataset', '--case', c, '--format', 'csv', '--out', csvPath, '--filter', 'proto == tcp']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(`${n} labelled flows written to ${csvPath}\n`);
    const text = cli(['export-dataset', '--case', c, '--filter', 'proto == tcp']);
    const [header, ...rows] = text.trim().split('\n');
    const cols = header.split(',');
    expect(cols.slice(0, 8)).toEqual(['Flow ID', 'Source IP', 'Source Port', 'Destination IP', 'Destination Port', 'Protocol', 'Timestamp', 'Flow Duration']);
    expect(cols.slice(-4)).toEqual(['Capture', 'App', 'Activity', 'Label']);
    for (const name of ['Total Fwd Packets', 'Total Backward Packets', 'Fwd Packet Length Max', 'Flow IAT Mean', 'Down/Up Ratio']) expect(cols).toContain(name);
    expect(rows).toHaveLength(n);
    const first = rows[0].split(',');
    const s = cap.sessions[0];
    expect(first.slice(0, 6)).toEqual([`${s.clientIp}-${s.serverIp}-${s.clientPort}-443-6`, s.clientIp, String(s.clientPort), s.serverIp, '443', '6']);
    expect(first.slice(-4)).toEqual(['app-activity-2-40.pcap', 'WhatsApp', '', 'WhatsApp']);
    const json = jsonl(cli(['export-dataset', '--case', c, '--format', 'jsonl']));
    expect(json).toHaveLength(2 * n);
    expect(json[0]).toMatchObject({ capture: 'app-activity-2-40.pcap', label: 'Phone/unsorted', label_app: 'Phone', label_activity: 'unsorted', proto: 'udp' });
    expect(typeof json[0].fwd_payload_mean).toBe('number');
  });

  it('refuses bad labels and unclear requests with exit 2', () => {
    const bad = runCli(['label', '--case', c, '--filter', 'tcp', '--label', 'WhatsApp/']);
    expect([bad.code, bad.stderr]).toEqual([2, 'flowsight: --label: "WhatsApp/" has an empty part: write app or app/activity\n']);
    expect(runCli(['label', '--case', c, '--filter', 'tcp']).stderr).toBe('flowsight: give --label A/B, or --clear to remove labels\n');
    expect(runCli(['label', '--case', c]).code).toBe(2);
    expect(runCli(['label', '--case', c, '--filter', 'bytez > 1', '--label', 'A']).code).toBe(2);
  });
});
