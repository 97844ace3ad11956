import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MemoryLogger } from '../../electron/api/log';
import { dispatch } from '../../electron/api/dispatch';
import { Session } from '../../electron/api/session';
import type { JobFinished, JobProgress } from '../../shared/domain/job';
import { corpus } from '../support/corpus';
import { generatedCapture } from '../support/generated';
import { tempDir } from '../support/tmp';

async function call<T>(s: Session, name: string, input: unknown): Promise<T> {
  const r = await dispatch(s, name, input, 'test');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.result as T;
}

describe('ingest runs as a worker job with progress and cancellation', () => {
  let tmp: ReturnType<typeof tempDir>;
  let session: Session;
  let progress: JobProgress[];
  let finished: Promise<JobFinished>;

  beforeEach(() => {
    tmp = tempDir();
    session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test' });
    session.openCase(tmp.path('c.flowsight'), { create: true });
    progress = [];
    finished = new Promise((resolve) =>
      session.onEvent((event, payload) => {
        if (event === 'job.progress') progress.push(payload as JobProgress);
        if (event === 'job.finished') resolve(payload as JobFinished);
      }),
    );
  });
  afterEach(async () => {
    await session.dispose();
    tmp.cleanup();
  });

  it('reports progress in bytes up to the file size, then the totals', async () => {
    const file = generatedCapture(200_000);
    const { jobId } = await call<{ jobId: string }>(session, 'ingest.start', { files: [file] });
    const end = await finished;
    expect(end).toMatchObject({ jobId, kind: 'ingest', status: 'done' });
    expect(end.summary.packets).toBe(200_000);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    const last = progress[progress.length - 1];
    expect(last.done).toBe(last.total);
    for (let i = 1; i < progress.length; i++) expect(progress[i].done).toBeGreaterThanOrEqual(progress[i - 1].done);
    const { count } = await call<{ count: number }>(session, 'flows.count', { scope: { filter: '' } });
    expect(count).toBe(end.summary.flows);
  });

  it('keeps answering reads while the worker writes', async () => {
    const file = generatedCapture(200_000);
    await call(session, 'ingest.start', { files: [file] });
    const seen: number[] = [];
    let done = false;
    void finished.then(() => (done = true));
    while (!done) {
      seen.push((await call<{ rows: unknown[] }>(session, 'flows.page', { startRow: 0, endRow: 50, sort: [{ field: 'bytes', dir: 'desc' }] })).rows.length);
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(seen.length).toBeGreaterThan(0);
    expect((await finished).status).toBe('done');
  });

  it('cancels, and leaves the case as it was', async () => {
    await call(session, 'ingest.start', { files: [corpus('apps/zeek/web.pcap')] });
    await finished;
    const before = await call<{ count: number }>(session, 'flows.count', { scope: { filter: '' } });
    finished = new Promise((resolve) =>
      session.onEvent((event, payload) => {
        if (event === 'job.finished') resolve(payload as JobFinished);
      }),
    );
    const { jobId } = await call<{ jobId: string }>(session, 'ingest.start', { files: [generatedCapture(200_000)] });
    expect(await call(session, 'jobs.cancel', { jobId })).toEqual({ cancelled: true });
    expect((await finished).status).toBe('cancelled');
    // A fresh scope (the count cache is per case state): the rows are counted again.
    const after = (await call<{ rows: unknown[] }>(session, 'flows.page', { startRow: 0, endRow: 100 })).rows.length;
    expect(after).toBe(before.count);
    expect((await call<unknown[]>(session, 'evidence.list', {})).length).toBe(1);
  });

  it('refuses a file that is not a capture before starting a job', async () => {
    const r = await dispatch(session, 'ingest.start', { files: [corpus('MANIFEST.tsv')] }, 'test');
    expect(r).toMatchObject({ ok: false, error: { code: 'bad_input' } });
    expect(session.jobs.list()).toEqual([]);
  });
});
