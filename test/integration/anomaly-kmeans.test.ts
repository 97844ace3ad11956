import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnomalyPoint, AnomalyRun, KCurve } from '../../shared/domain/anomaly';
import type { JobFinished } from '../../shared/domain/job';
import { benignCapture, outlierCapture } from '../support/scenario';
import { testSession } from '../support/session';
import { tempDir } from '../support/tmp';

type Results = { run: AnomalyRun | null; points: AnomalyPoint[]; total: number };

/** Clients in the benign capture (test/support/scenario.ts): every one starts flows, so each is a point. */
const BENIGN_CLIENTS = 60;

describe('K-Means anomaly detection: benign baseline, target with planted outlier hosts', () => {
  const tmp = tempDir();
  const planted = outlierCapture();
  const baselinePath = tmp.path('baseline.flowsight');
  const targetPath = tmp.path('target.flowsight');
  let t: ReturnType<typeof testSession>;

  async function job(name: string, input: unknown): Promise<JobFinished> {
    const done = t.waitJob();
    await t.call(name, input);
    return done;
  }
  async function detect(params: Record<string, unknown>): Promise<{ end: JobFinished; res: Results }> {
    const end = await job('anomaly.train', { baseline: baselinePath, ...params });
    return { end, res: await t.call<Results>('anomaly.results', {}) };
  }
  const anomalous = (res: Results) => res.points.filter((p) => p.anomaly).map((p) => p.ip).sort();

  beforeAll(async () => {
    const b = testSession();
    b.session.openCase(baselinePath, { create: true });
    const done = b.waitJob();
    await b.call('ingest.start', { files: [benignCapture()] });
    expect((await done).status).toBe('done');
    await b.session.dispose();
    t = testSession();
    t.session.openCase(targetPath, { create: true });
    expect((await job('ingest.start', { files: [benignCapture(), planted.path] })).status).toBe('done');
  });
  afterAll(async () => {
    await t?.session.dispose();
    tmp.cleanup();
  });

  it('flags exactly the planted hosts with the seed’s defaults (k = 5, mean + 3·std, standard scaling)', async () => {
    const { end, res } = await detect({});
    expect(end).toMatchObject({ kind: 'kmeans', status: 'done', summary: { points: BENIGN_CLIENTS + 3, anomalies: 3, training_points: BENIGN_CLIENTS } });
    expect(anomalous(res)).toEqual(planted.outliers.map((o) => o.ip).sort());
    expect(res.total).toBe(BENIGN_CLIENTS + 3);
    expect(res.points).toHaveLength(BENIGN_CLIENTS + 3);
    // Anomalies come first, and each is past its own cluster's threshold.
    expect(res.points.slice(0, 3).every((p) => p.anomaly)).toBe(true);
    for (const p of res.points) expect(p.anomaly).toBe(p.distance > p.threshold);
  });

  it('reports the outliers’ features as built, and stores the model’s parameters with the run', async () => {
    const { res } = await detect({});
    for (const o of planted.outliers) {
      const p = res.points.find((q) => q.ip === o.ip)!;
      expect({ ip: p.ip, unique_destinations: p.features.unique_destinations, failed_connections: p.features.failed_connections }).toEqual(o);
      expect(['bytes', 'packets', 'failed_connections', 'unique_destinations']).toContain(p.topFeature);
    }
    const uploader = res.points.find((q) => q.ip === planted.outliers[0].ip)!;
    expect(uploader.features.bytes).toBeGreaterThan(20_000_000);
    const run = res.run!;
    expect(run.params).toMatchObject({ k: 5, multiplier: 3, thresholdMode: 'sigma', scaling: 'standard', transform: 'log1p', baseline: baselinePath, window: null });
    expect(run.baseline).toBe(baselinePath);
    expect({ trainingPoints: run.trainingPoints, points: run.points, anomalies: run.anomalies }).toEqual({ trainingPoints: BENIGN_CLIENTS, points: BENIGN_CLIENTS + 3, anomalies: 3 });
    expect(run.centroids.length).toBeLessThanOrEqual(5);
    expect(run.centroids.reduce((a, c) => a + c.size, 0)).toBe(BENIGN_CLIENTS);
    expect(run.explained).toHaveLength(2);
    expect(run.explained[0]).toBeGreaterThanOrEqual(run.explained[1]);
  });

  it('flags exactly the planted hosts with robust scaling too', async () => {
    const { res } = await detect({ scaling: 'robust' });
    expect(anomalous(res)).toEqual(planted.outliers.map((o) => o.ip).sort());
  });

  it('with the 100th-percentile rule, flags exactly the hosts beyond every training distance: the planted ones', async () => {
    // The target's benign hosts are the baseline's own points, so none is beyond its cluster's farthest training point.
    const { res } = await detect({ thresholdMode: 'percentile', percentile: 100 });
    expect(anomalous(res)).toEqual(planted.outliers.map((o) => o.ip).sort());
    expect(res.run!.params).toMatchObject({ thresholdMode: 'percentile', percentile: 100 });
  });

  it('scores host-windows when a window is set: only the outliers’ windows stand out, and each outlier in at least one', async () => {
    // As above, the 100th percentile makes the truth exact: benign host-windows are the baseline's own.
    const { end, res } = await detect({ window: 60, thresholdMode: 'percentile', percentile: 100 });
    expect(end.status).toBe('done');
    expect(res.total).toBeGreaterThan(BENIGN_CLIENTS + 3);
    for (const p of res.points) {
      expect(p.windowEnd! - p.windowStart!).toBe(60);
      expect(p.windowStart! % 60).toBe(0);
    }
    expect([...new Set(anomalous(res))]).toEqual(planted.outliers.map((o) => o.ip).sort());
  });

  it('computes elbow and silhouette curves as a job and suggests a k among them', async () => {
    const end = await job('anomaly.suggestK', { baseline: baselinePath, kMax: 8 });
    expect(end).toMatchObject({ kind: 'kmeans', status: 'done', summary: { points: BENIGN_CLIENTS } });
    const c = (await t.call<KCurve | null>('anomaly.curves', {}))!;
    // Silhouettes need two clusters at least, so the curves start at k = 2.
    expect(c.ks).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(c.inertia).toHaveLength(c.ks.length);
    expect(c.silhouette).toHaveLength(c.ks.length);
    for (const s of c.silhouette) if (Number.isFinite(s)) expect(Math.abs(s)).toBeLessThanOrEqual(1);
    expect(c.ks).toContain(c.suggestedK);
    expect(end.summary.suggested_k).toBe(c.suggestedK);
    expect(c.points).toBe(BENIGN_CLIENTS);
  });

  it('refuses a k out of range and a missing baseline before starting a job', async () => {
    await expect(t.call('anomaly.train', { baseline: baselinePath, k: 51 })).rejects.toThrow('invalid_request');
    await expect(t.call('anomaly.train', { baseline: tmp.path('missing.flowsight') })).rejects.toThrow('not_found');
  });
});
