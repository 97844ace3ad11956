import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../../electron/cases/case-db';
import type { Finding, FindingsRun } from '../../shared/domain/findings';
import type { JobFinished } from '../../shared/domain/job';
import type { PlantedFlow } from '../generators/planted';
import { attackCapture, benignCapture } from '../support/scenario';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';

type Listed = { run: FindingsRun | null; findings: Finding[] };

function tupleKey(f: PlantedFlow): string {
  return `${f.proto} ${f.src_ip}:${f.src_port} > ${f.dst_ip}:${f.dst_port}`;
}

/** A case built from `files`, with the detectors run on it at their defaults. */
async function analysedCase(path: string, files: string[]) {
  const { session, call, waitJob } = testSession();
  session.openCase(path, { create: true });
  let done = waitJob();
  await call('ingest.start', { files });
  expect((await done).status).toBe('done');
  done = waitJob();
  await call('findings.start', {});
  const end = await done;
  const listed = await call<Listed>('findings.list', {});
  const db = openCaseDb(path, { readOnly: true });
  const tuple = db.prepare('SELECT proto, src_ip, src_port, dst_ip, dst_port FROM flows WHERE id = ?');
  const evidence = async (id: number) => {
    const { ids } = await call<{ ids: number[] }>('findings.flowIds', { id });
    return ids.map((flowId) => tupleKey(tuple.get(flowId) as PlantedFlow)).sort();
  };
  const rerun = async (params: unknown): Promise<{ end: JobFinished; listed: Listed }> => {
    const finished = waitJob();
    await call('findings.start', params);
    return { end: await finished, listed: await call<Listed>('findings.list', {}) };
  };
  return {
    listed,
    evidence,
    end,
    rerun,
    call,
    dispose: async () => {
      db.close();
      await session.dispose();
    },
  };
}

describe('findings on benign browsing plus the attack scenario', () => {
  const tmp = tempDir();
  const attacks = attackCapture();
  let c: Awaited<ReturnType<typeof analysedCase>>;

  beforeAll(async () => {
    c = await analysedCase(tmp.path('attacks.flowsight'), [benignCapture(), attacks.path]);
  });
  afterAll(async () => {
    await c?.dispose();
    tmp.cleanup();
  });

  it('runs as a job and stores one run with every detector’s thresholds', () => {
    expect(c.end).toMatchObject({ kind: 'findings', status: 'done' });
    expect(c.listed.run).not.toBeNull();
    expect(Object.keys(c.listed.run!.thresholds).sort()).toEqual(attacks.planted.map((p) => p.kind).sort());
  });

  it('finds exactly one finding per planted behaviour, and nothing else', () => {
    expect(c.listed.findings.map((f) => f.kind).sort()).toEqual(attacks.planted.map((p) => p.kind).sort());
  });

  for (const kind of ['vertical_scan', 'horizontal_scan', 'syn_flood', 'retransmission_storm', 'duplicate_burst', 'rst_storm', 'short_lived_burst', 'beaconing']) {
    it(`${kind}: the planted hosts, port, count and evidence flows, exactly`, async () => {
      const truth = attacks.planted.find((p) => p.kind === kind)!;
      const found = c.listed.findings.filter((f) => f.kind === kind);
      expect(found).toHaveLength(1);
      const f = found[0];
      expect({ srcIp: f.srcIp, dstIp: f.dstIp, dstPort: f.dstPort, count: f.count, flowCount: f.flowCount }).toEqual({
        srcIp: truth.src_ip,
        dstIp: truth.dst_ip,
        dstPort: truth.dst_port,
        count: truth.count,
        flowCount: truth.flows.length,
      });
      expect(await c.evidence(f.id)).toEqual(truth.flows.map(tupleKey).sort());
      // The window is the evidence's own span and the explanation carries the count.
      expect(f.endTs).toBeGreaterThanOrEqual(f.startTs);
      expect(f.explanation).toContain(String(truth.count));
    });
  }
});

describe('findings thresholds', () => {
  const tmp = tempDir();
  const attacks = attackCapture();
  let c: Awaited<ReturnType<typeof analysedCase>>;

  beforeAll(async () => {
    c = await analysedCase(tmp.path('attacks.flowsight'), [attacks.path]);
  });
  afterAll(async () => {
    await c?.dispose();
    tmp.cleanup();
  });

  it('apply at the planted count and not one above it, and are stored with the run', async () => {
    const at = await c.rerun({ kinds: ['vertical_scan', 'horizontal_scan'], thresholds: { vertical_scan: { minPorts: 40 }, horizontal_scan: { minHosts: 31 } } });
    expect(at.end.status).toBe('done');
    expect(at.listed.findings.map((f) => f.kind)).toEqual(['vertical_scan']);
    expect(at.listed.run!.thresholds).toEqual({ vertical_scan: { minPorts: 40, gap: 300 }, horizontal_scan: expect.objectContaining({ minHosts: 31 }) });
    const above = await c.rerun({ kinds: ['vertical_scan', 'horizontal_scan'], thresholds: { vertical_scan: { minPorts: 41 }, horizontal_scan: { minHosts: 30 } } });
    expect(above.listed.findings.map((f) => f.kind)).toEqual(['horizontal_scan']);
  });

  it('refuses an unknown threshold name before starting a job', async () => {
    await expect(c.call('findings.start', { thresholds: { syn_flood: { minSin: 5 } } })).rejects.toThrow('bad_input: syn_flood has no threshold "minSin" (it has ');
  });
});

describe('findings on benign browsing alone', () => {
  const tmp = tempDir();
  let c: Awaited<ReturnType<typeof analysedCase>>;

  beforeAll(async () => {
    c = await analysedCase(tmp.path('benign.flowsight'), [benignCapture()]);
  });
  afterAll(async () => {
    await c?.dispose();
    tmp.cleanup();
  });

  it('finds nothing', () => {
    expect(c.end).toMatchObject({ kind: 'findings', status: 'done' });
    expect(c.listed.run!.flows).toBeGreaterThan(1000);
    expect(c.listed.findings).toEqual([]);
  });
});
