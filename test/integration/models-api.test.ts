import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import type { JobFinished, JobProgress } from '../../shared/domain/job';
import type { ModelDetail, ModelSummary } from '../../shared/domain/model';
import { generateActivityScenario } from '../generators/activity-scenario';
import { runCli } from '../support/cli';
import { labelFromGroundTruth } from '../support/ground-truth';
import { tempDir } from '../support/tmp';

async function call<T>(s: Session, name: string, input: unknown): Promise<T> {
  const r = await dispatch(s, name, input, 'test');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

describe('models API: train as a job (progress, cancel), export, import into another case, apply', () => {
  const tmp = tempDir();
  const a = tmp.path('a.flowsight');
  const b = tmp.path('b.flowsight');
  let session: Session;
  let labelled: number;
  const events: { progress: JobProgress[]; finished: JobFinished[]; changed: string[] } = { progress: [], finished: [], changed: [] };
  const finished = (kind: string) =>
    new Promise<JobFinished>((resolve) => {
      const off = session.onEvent((event, payload) => {
        const f = payload as JobFinished;
        if (event === 'job.finished' && f.kind === kind) {
          off();
          resolve(f);
        }
      });
    });

  beforeAll(() => {
    const s = generateActivityScenario({ seed: 4, outDir: tmp.path('s4'), captures: 2, sessions: 50 });
    labelled = s.rows.length;
    for (const c of [a, b]) expect(runCli(['ingest', '--quiet', '--case', c, ...s.captures]).code).toBe(0);
    labelFromGroundTruth(a, s.rows);
    session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test' });
    session.onEvent((event, payload) => {
      if (event === 'job.progress') events.progress.push(payload as JobProgress);
      if (event === 'job.finished') events.finished.push(payload as JobFinished);
      if (event === 'case.changed') events.changed.push((payload as { reason: string }).reason);
    });
  }, 120_000);
  afterAll(async () => {
    await session.dispose();
    tmp.cleanup();
  });

  it('refuses bad settings before starting a job', async () => {
    session.openCase(a);
    await expect(call(session, 'models.train', { level: 'activity', algorithm: 'svm' })).rejects.toThrow(/^invalid_request/);
    await expect(call(session, 'models.train', { level: 'activity', algorithm: 'rf', filter: 'nonsense ==' })).rejects.toThrow(/filter/);
    expect(events.finished).toEqual([]);
  });

  it('cancels a training job: status cancelled, no model', async () => {
    const done = finished('train');
    const { jobId } = await call<{ jobId: string }>(session, 'models.train', { level: 'activity', algorithm: 'gbt', folds: 20 });
    await expect(call(session, 'models.train', { level: 'app', algorithm: 'rf' })).rejects.toThrow(/^conflict/);
    expect(await call(session, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect((await done).status).toBe('cancelled');
    expect(await call(session, 'models.list', {})).toEqual([]);
  });

  it('trains with progress up to the end, and lists and details the model', async () => {
    events.progress.length = 0;
    const done = finished('train');
    const { jobId } = await call<{ jobId: string }>(session, 'models.train', { level: 'app', algorithm: 'rf', folds: 3, rf: { trees: 30 } });
    const end = await done;
    expect(end).toMatchObject({ jobId, status: 'done', summary: { flows: labelled, classes: 4, model: 1 } });
    const mine = events.progress.filter((p) => p.jobId === jobId);
    expect(mine.length).toBeGreaterThan(1);
    for (let i = 1; i < mine.length; i++) expect(mine[i].done).toBeGreaterThanOrEqual(mine[i - 1].done);
    expect(events.changed).toContain('models');
    const [m] = await call<ModelSummary[]>(session, 'models.list', {});
    expect(m).toMatchObject({ id: 1, name: 'app-rf', version: 1, classes: ['Browser', 'Chatter', 'Mailer', 'Streamly'], applied: false, source: 'trained' });
    const d = await call<ModelDetail>(session, 'models.get', { id: 1 });
    expect(d.params).toMatchObject({ trees: 30 });
    expect(d.featureNames).toHaveLength(d.features);
    expect('skipped' in d.metrics.stratified ? null : d.metrics.stratified.folds).toBe(3);
    expect('skipped' in d.metrics.grouped ? null : d.metrics.grouped.folds).toBe(2); // two captures
  });

  it('exports the model, imports it into another case, and applies it there', async () => {
    const file = await call<{ fileName: string; content: string }>(session, 'models.export', { id: 1 });
    expect(file.fileName).toBe('app-rf-v1.model.json');
    const path = tmp.path(file.fileName);
    writeFileSync(path, file.content);
    session.openCase(b);
    const imported = await call<ModelSummary>(session, 'models.import', { path });
    expect(imported).toMatchObject({ id: 1, name: 'app-rf', source: 'imported' });
    expect((await call<ModelSummary>(session, 'models.import', { path })).id).toBe(1); // the same file again
    await expect(call(session, 'models.import', { path: tmp.path('missing.json') })).rejects.toThrow(/^not_found/);
    const done = finished('predict');
    await call(session, 'models.apply', { id: 1 });
    expect((await done).status).toBe('done');
    const { count } = await call<{ count: number }>(session, 'flows.count', { scope: { filter: 'prediction && confidence > 0' } });
    const { count: all } = await call<{ count: number }>(session, 'flows.count', { scope: { filter: '' } });
    expect(count).toBe(all);
    expect((await call<ModelSummary[]>(session, 'models.list', {}))[0].applied).toBe(true);
    const next = await call<{ modelId: number; flows: { confidence: number }[] }>(session, 'models.labelNext', { limit: 10 });
    expect(next.modelId).toBe(1);
    expect(next.flows.map((f) => f.confidence)).toEqual([...next.flows.map((f) => f.confidence)].sort((x, y) => x - y));
  });
});
