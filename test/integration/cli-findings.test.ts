import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlantedFlow } from '../generators/planted';
import { jsonl, runCli } from '../support/cli';
import { attackCapture, benignCapture, outlierCapture } from '../support/scenario';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

type Flow = PlantedFlow & { id: number };
const tupleKey = (f: PlantedFlow) => `${f.proto} ${f.src_ip}:${f.src_port} > ${f.dst_ip}:${f.dst_port}`;

function ingest(casePath: string, files: string[]): void {
  const r = runCli(['ingest', '--quiet', '--case', casePath, ...files]);
  expect(r.code, r.stderr).toBe(0);
}

describe('flowsight findings', () => {
  const attacks = attackCapture();
  const c = tmp.path('attacks.flowsight');
  let flows: Map<number, string>;
  let out: Record<string, unknown>[];

  beforeAll(() => {
    ingest(c, [benignCapture(), attacks.path]);
    flows = new Map(jsonl<Flow>(runCli(['flows', '--case', c]).stdout).map((f) => [f.id, tupleKey(f)]));
    const r = runCli(['findings', '--case', c, '--format', 'jsonl', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    out = jsonl(r.stdout);
  });

  it('prints one JSONL line per planted behaviour with the seed’s fields, each matching the truth', () => {
    expect(out.map((f) => f.kind).sort()).toEqual(attacks.planted.map((p) => p.kind).sort());
    for (const truth of attacks.planted) {
      const f = out.find((o) => o.kind === truth.kind)!;
      for (const k of ['kind', 'severity', 'src_ip', 'dst_ip', 'proto', 'start_ts', 'end_ts', 'count', 'flow_ids', 'explanation']) expect(f).toHaveProperty(k);
      expect({ src_ip: f.src_ip, dst_ip: f.dst_ip, dst_port: f.dst_port ?? null, count: f.count }).toEqual({ src_ip: truth.src_ip, dst_ip: truth.dst_ip, dst_port: truth.dst_port, count: truth.count });
      // Several destinations (a horizontal scan, a burst) are listed in dst_ips; several sources (a spoofed flood) in src_ips.
      const dstIps = new Set(truth.flows.map((p) => p.dst_ip));
      if (dstIps.size > 1) expect(f.dst_ips).toEqual([...dstIps].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
      else expect(f).not.toHaveProperty('dst_ips');
      if (new Set(truth.flows.map((p) => p.src_ip)).size > 1) expect((f.src_ips as string[]).length).toBe(new Set(truth.flows.map((p) => p.src_ip)).size);
      expect((f.flow_ids as number[]).map((id) => flows.get(id)).sort()).toEqual(truth.flows.map(tupleKey).sort());
      expect(f.end_ts as number).toBeGreaterThanOrEqual(f.start_ts as number);
    }
  });

  it('prints the stored run again with --stored, without computing', () => {
    const r = runCli(['findings', '--case', c, '--stored']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(jsonl(r.stdout)).toEqual(out);
  });

  it('applies --threshold overrides: one port more than the scan probed and it is no longer a vertical scan', () => {
    const r = runCli(['findings', '--case', c, '--quiet', '--threshold', 'vertical_scan.minPorts=41', '--threshold', 'syn_flood.minSyns=300']);
    expect(r.code).toBe(0);
    const kinds = jsonl(r.stdout).map((f) => f.kind);
    expect(kinds).not.toContain('vertical_scan');
    expect(kinds).toContain('syn_flood');
    expect(kinds).toHaveLength(attacks.planted.length - 1);
  });

  it('lists the detectors with their documented defaults', () => {
    const r = runCli(['findings', '--case', c, '--detectors']);
    expect(r.code).toBe(0);
    const ds = jsonl<{ kind: string; thresholds: { name: string; value: number; description: string }[] }>(r.stdout);
    expect(ds.map((d) => d.kind)).toEqual(['vertical_scan', 'horizontal_scan', 'syn_flood', 'retransmission_storm', 'duplicate_burst', 'rst_storm', 'short_lived_burst', 'beaconing']);
    expect(ds[0].thresholds).toContainEqual({ name: 'minPorts', value: 15, description: 'distinct destination ports probed on one host' });
    for (const d of ds) for (const t of d.thresholds) expect(t.description.length).toBeGreaterThan(10);
  });

  it('refuses a bad threshold with exit code 2 and one line', () => {
    const bad = runCli(['findings', '--case', c, '--threshold', 'syn_flood.minSin=5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('syn_flood has no threshold "minSin"');
    const malformed = runCli(['findings', '--case', c, '--threshold', 'minPorts']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--threshold takes kind.name=value');
  });
});

describe('flowsight detect', () => {
  const planted = outlierCapture();
  const baseline = tmp.path('baseline.flowsight');
  const target = tmp.path('target.flowsight');

  beforeAll(() => {
    ingest(baseline, [benignCapture()]);
    ingest(target, [benignCapture(), planted.path]);
  });

  it('prints one line per host with the seed’s fields, and the planted hosts are exactly the anomalies', () => {
    const r = runCli(['detect', '--case', target, '--baseline', baseline, '--k', '5', '--threshold', '3', '--format', 'jsonl', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = jsonl<{ ip: string; cluster: number; distance: number; threshold: number; anomaly: boolean; top_feature: string }>(r.stdout);
    expect(rows).toHaveLength(63);
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['ip', 'cluster', 'distance', 'threshold', 'anomaly', 'top_feature']);
      expect(row.anomaly).toBe(row.distance > row.threshold);
    }
    expect(new Set(rows.map((x) => x.ip)).size).toBe(63);
    expect(rows.filter((x) => x.anomaly).map((x) => x.ip).sort()).toEqual(planted.outliers.map((o) => o.ip).sort());
  });

  it('adds the window to each line when --window is set', () => {
    const r = runCli(['detect', '--case', target, '--baseline', baseline, '--window', '60', '--percentile', '100', '--quiet']);
    expect(r.code).toBe(0);
    const rows = jsonl<{ ip: string; window_start: number; window_end: number; anomaly: boolean }>(r.stdout);
    for (const row of rows) expect(row.window_end - row.window_start).toBe(60);
    expect([...new Set(rows.filter((x) => x.anomaly).map((x) => x.ip))].sort()).toEqual(planted.outliers.map((o) => o.ip).sort());
  });

  it('shows a progress bar on stderr unless --quiet', () => {
    const r = runCli(['detect', '--case', target, '--baseline', baseline]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('100% | 1/1 | Stored | 63 points, 3 anomalies');
  });

  it('refuses bad options with exit code 2 and one line', () => {
    for (const [args, message] of [
      [['--k', '0'], '--k must be an integer from 1 to 50, not "0"'],
      [['--scaling', 'minmax'], '--scaling must be standard or robust'],
      [['--features', 'bytes,colour'], '--features: no feature "colour"'],
    ] as const) {
      const r = runCli(['detect', '--case', target, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
  });
});
