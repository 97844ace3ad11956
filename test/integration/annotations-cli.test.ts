import { statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentUser } from '../../electron/cases/case-user';
import { writeBehaviourScenario } from '../generators/behaviour-scenario';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

interface Entry {
  user: string;
  action: string;
  params: Record<string, unknown>;
}

describe('flowsight bookmarks and notes', () => {
  const c = tmp.path('annotations.flowsight');
  const me = currentUser();
  let flow: { id: number; src_ip: string; dst_ip: string };
  let before = 0;

  const run = (args: string[], code = 0) => {
    const r = runCli([...args, '--case', c]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(code);
    return r;
  };
  const trail = () => jsonl<Entry>(runCli(['audit', '--case', c, '--format', 'jsonl']).stdout);

  beforeAll(() => {
    expect(runCli(['ingest', '--quiet', '--case', c, corpus('apps/ndpi/pcap/1kxun.pcap')]).code).toBe(0);
    flow = jsonl<{ id: number; src_ip: string; dst_ip: string }>(runCli(['flows', '--case', c, '--filter', 'proto == "tcp"']).stdout)[0];
    before = trail().length;
  }, 120_000);

  it('tags flows and hosts, replaces a tag, lists newest first (text and JSONL), filters by kind and takes a bookmark down', () => {
    const first = jsonl(run(['bookmarks', '--add', `flow:${flow.id}`, '--tag', 'suspicious', '--format', 'jsonl']).stdout);
    expect(first).toMatchObject([{ kind: 'flow', key: String(flow.id), tag: 'suspicious', author: me, notes: 0 }]);
    run(['bookmarks', '--add', `flow:${flow.id}`, '--tag', 'malicious']);
    run(['bookmarks', '--add', `host:${flow.dst_ip}`, '--tag', 'interesting']);
    const all = jsonl<{ kind: string; key: string; tag: string }>(run(['bookmarks', '--format', 'jsonl']).stdout);
    expect(all.map((b) => [b.kind, b.key, b.tag])).toEqual([
      ['host', flow.dst_ip, 'interesting'],
      ['flow', String(flow.id), 'malicious'],
    ]);
    const text = run(['bookmarks', '--kind', 'flow']).stdout.trim().split('\n');
    expect(text).toHaveLength(1);
    expect(text[0].split('\t').slice(1, 4)).toEqual([`flow:${flow.id}`, 'malicious', me]);
    expect(run(['bookmarks', '--remove', `host:${flow.dst_ip}`]).stderr).toBe(`removed the bookmark of host:${flow.dst_ip}\n`);
    expect(jsonl(run(['bookmarks', '--format', 'jsonl']).stdout)).toHaveLength(1);
  });

  it('writes, edits, lists per target and removes notes', () => {
    const n = jsonl<{ id: number; text: string }>(run(['notes', '--add', `flow:${flow.id}`, '--text', 'first SYN of the burst', '--format', 'jsonl']).stdout)[0];
    expect(n).toMatchObject({ kind: 'flow', key: String(flow.id), text: 'first SYN of the burst', author: me });
    run(['notes', '--edit', String(n.id), '--text', 'first SYN of the scan']);
    const h = jsonl<{ id: number }>(run(['notes', '--add', `host:${flow.src_ip}`, '--text', 'the scanner', '--format', 'jsonl']).stdout)[0];
    expect(jsonl(run(['notes', '--target', `flow:${flow.id}`, '--format', 'jsonl']).stdout)).toMatchObject([{ id: n.id, text: 'first SYN of the scan' }]);
    expect(run(['notes']).stdout.split('\n')[0].split('\t').slice(1)).toEqual([`flow:${flow.id}`, me, expect.stringMatching(/^\d{4}-\d\d-\d\dT/), '"first SYN of the scan"']);
    expect(run(['notes', '--remove', String(h.id)]).stderr).toBe(`removed note ${h.id}\n`);
    expect(jsonl(run(['notes', '--format', 'jsonl']).stdout).map((x) => x.id)).toEqual([n.id]);
    // The bookmark list counts the notes on its target.
    expect(jsonl(run(['bookmarks', '--format', 'jsonl']).stdout)).toMatchObject([{ notes: 1 }]);
  });

  it('refuses bad input with exit 2 and a missing target with exit 1, changing nothing', () => {
    const n = trail().length;
    expect(run(['bookmarks', '--add', 'flow:999999', '--tag', 'evidence'], 1).stderr).toBe('flowsight: no flow 999999\n');
    expect(run(['bookmarks', '--add', 'packet:1', '--tag', 'evidence'], 2).stderr).toContain('--add must be KIND:KEY');
    expect(run(['bookmarks', '--add', `flow:${flow.id}`, '--tag', 'pretty'], 2).stderr).toContain('--tag must be interesting, suspicious, malicious, evidence');
    expect(run(['bookmarks', '--add', 'host:not-an-address', '--tag', 'evidence'], 2).stderr).toContain('is not an IPv4 or IPv6 address');
    expect(run(['notes', '--add', `flow:${flow.id}`], 2).stderr).toContain('--add and --edit need --text');
    expect(run(['notes', '--remove', '999'], 1).stderr).toBe('flowsight: no note 999\n');
    expect(trail()).toHaveLength(n);
  });

  it('--read-only lists without touching the case and refuses every change', () => {
    const n = trail().length;
    const mtime = statSync(c).mtimeMs;
    expect(jsonl(run(['bookmarks', '--read-only', '--format', 'jsonl']).stdout)).toHaveLength(1);
    expect(jsonl(run(['notes', '--read-only', '--format', 'jsonl']).stdout)).toHaveLength(1);
    expect(run(['bookmarks', '--read-only', '--add', `flow:${flow.id}`, '--tag', 'evidence'], 2).stderr).toBe('flowsight: the case is opened read-only (--read-only): adding, editing or removing is refused\n');
    expect(run(['notes', '--read-only', '--add', `flow:${flow.id}`, '--text', 'x'], 2).stderr).toContain('refused');
    expect(run(['notes', '--read-only', '--remove', '1'], 2).stderr).toContain('refused');
    expect(statSync(c).mtimeMs).toBe(mtime);
    expect(trail()).toHaveLength(n);
  });

  it('audits every change with its parameters; the chain verifies', () => {
    const e = trail().slice(before);
    expect(e.map((x) => [x.user, x.action])).toEqual([
      [me, 'bookmark.set'],
      [me, 'bookmark.set'],
      [me, 'bookmark.set'],
      [me, 'bookmark.remove'],
      [me, 'note.add'],
      [me, 'note.update'],
      [me, 'note.add'],
      [me, 'note.remove'],
    ]);
    const key = String(flow.id);
    expect(e.map((x) => x.params)).toEqual([
      { kind: 'flow', key, tag: 'suspicious', previous: null },
      { kind: 'flow', key, tag: 'malicious', previous: 'suspicious' },
      { kind: 'host', key: flow.dst_ip, tag: 'interesting', previous: null },
      { kind: 'host', key: flow.dst_ip, tag: 'interesting' },
      { id: 1, kind: 'flow', key, text: 'first SYN of the burst' },
      { id: 1, kind: 'flow', key, from: 'first SYN of the burst', to: 'first SYN of the scan' },
      { id: 2, kind: 'host', key: flow.src_ip, text: 'the scanner' },
      { id: 2, kind: 'host', key: flow.src_ip, text: 'the scanner' },
    ]);
    expect(runCli(['audit', '--case', c, '--verify']).code).toBe(0);
  });
});

/**
 * Bookmarks and notes name a finding by its id, and a detection run replaces
 * the findings: the office scenario's scanner probes five of bob's ports,
 * which the vertical-scan and RST-storm detectors report with their
 * thresholds lowered to five (six drops the RST storm).
 */
describe('a finding keeps its id, and its bookmark, across detection runs', () => {
  const c = tmp.path('findings-ids.flowsight');
  const detect = (minResets: number) => {
    const r = runCli(['findings', '--quiet', '--case', c, '--threshold', 'vertical_scan.minPorts=5', '--threshold', `rst_storm.minResets=${minResets}`]);
    expect(r.code, r.stderr).toBe(0);
    return jsonl<{ kind: string }>(r.stdout).map((f) => f.kind);
  };
  const bookmarks = () =>
    jsonl<{ key: string; tag: string; label: string }>(runCli(['bookmarks', '--case', c, '--kind', 'finding', '--format', 'jsonl']).stdout)
      .map((b) => [b.key, b.tag, b.label])
      .sort();
  const bookmark = (id: number, tag: string) => expect(runCli(['bookmarks', '--case', c, '--add', `finding:${id}`, '--tag', tag]).code).toBe(0);

  beforeAll(() => {
    writeBehaviourScenario(tmp.path('office.pcap'));
    expect(runCli(['ingest', '--quiet', '--case', c, tmp.path('office.pcap')]).code).toBe(0);
  });

  it('the same finding keeps its id; a new one never takes an id a bookmark named', () => {
    expect(detect(5)).toEqual(['vertical_scan', 'rst_storm']);
    bookmark(1, 'evidence');
    bookmark(2, 'suspicious');
    const scan = ['1', 'evidence', '#1 vertical_scan 133.242.0.3 → 192.168.1.20'];
    expect(bookmarks()).toEqual([scan, ['2', 'suspicious', '#2 rst_storm 133.242.0.3 → 192.168.1.20']]);

    // The same run again: the same ids, so the bookmarks stay on their findings.
    expect(detect(5)).toEqual(['vertical_scan', 'rst_storm']);
    expect(bookmarks()).toEqual([scan, ['2', 'suspicious', '#2 rst_storm 133.242.0.3 → 192.168.1.20']]);

    // The RST storm is no longer found: its bookmark says so rather than pointing elsewhere.
    expect(detect(6)).toEqual(['vertical_scan']);
    expect(bookmarks()).toEqual([scan, ['2', 'suspicious', '#2 (no longer in the case)']]);

    // Found again after a run without it, it is a new finding with a new id, not 2.
    expect(detect(5)).toEqual(['vertical_scan', 'rst_storm']);
    expect(bookmarks()).toEqual([scan, ['2', 'suspicious', '#2 (no longer in the case)']]);
    bookmark(3, 'malicious');
    expect(bookmarks()).toEqual([scan, ['2', 'suspicious', '#2 (no longer in the case)'], ['3', 'malicious', '#3 rst_storm 133.242.0.3 → 192.168.1.20']]);
    expect(runCli(['audit', '--case', c, '--verify']).code).toBe(0);
  });
});
