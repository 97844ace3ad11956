import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFinished } from '../../shared/domain/job';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { runCliAsync } from '../support/cli';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
process.env.FLOWSIGHT_DATA = tmp.path('user-data');

/**
 * What the UI does while an import writes: page, count, detail, statistics,
 * and its own small writes (bookmarks, notes, metadata), each of which must
 * wait its turn rather than fail. Every reply is kept; none may be an error.
 */
describe('the UI keeps working while an ingest writes', () => {
  const casePath = tmp.path('busy.flowsight');
  let session: Session;
  beforeAll(async () => {
    session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test' });
    const r = await dispatch(session, 'case.create', { path: casePath }, 'test');
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await session.dispose();
    tmp.cleanup();
  });

  it('never answers "database is locked" (or any error) to reads and writes during two imports and a second process reading', async () => {
    const finished = new Promise<JobFinished>((resolve) => session.onEvent((e, p) => e === 'job.finished' && resolve(p as JobFinished)));
    const start = await dispatch(session, 'ingest.start', { files: [corpus('tcp/stopddos/pkt.TCP.synflood.spoofed.pcap'), corpus('apps/ndpi/pcap/1kxun.pcap')] }, 'test');
    expect(start.ok).toBe(true);
    let done = false;
    void finished.then(() => (done = true));

    const errors: string[] = [];
    const counts = { calls: 0, writes: 0, notes: 0, cli: 0 };
    const ask = async (name: string, input: unknown) => {
      const r = await dispatch(session, name, input, 'test');
      counts.calls++;
      if (!r.ok) errors.push(`${name}: ${r.error.code}: ${r.error.message}`);
      return r.ok ? r.result : null;
    };
    // Another Flowsight process reading the same case meanwhile (the CLI), in a loop.
    const cliLoop = (async () => {
      while (!done) {
        const r = await runCliAsync(['flows', '--case', casePath, '--limit', '5']).done;
        counts.cli++;
        if (r.code !== 0) errors.push(`flowsight flows: ${r.stderr.trim()}`);
      }
    })();
    let i = 0;
    while (!done) {
      i++;
      const page = (await ask('flows.page', { startRow: 0, endRow: 100, sort: [{ field: 'bytes', dir: 'desc' }], scope: { filter: i % 2 ? 'proto == "tcp"' : '' } })) as { rows: { id: number }[] } | null;
      await ask('flows.count', { scope: { filter: 'proto == "tcp" || udp.port == 53' } });
      await ask('stats.breakdown', { scope: { filter: '' }, by: 'app' });
      await ask('evidence.list', {});
      await ask('audit.list', {});
      const id = page?.rows[0]?.id;
      if (id !== undefined) {
        await ask('flows.detail', { id });
        await ask('bookmarks.set', { target: { kind: 'flow', key: String(id) }, tag: i % 2 ? 'suspicious' : 'interesting' });
        await ask('notes.add', { target: { kind: 'flow', key: String(id) }, text: `note ${i}` });
        counts.writes += 2;
        counts.notes++;
      }
      await ask('case.setMetadata', { notes: `revision ${i}` });
      counts.writes++;
    }
    await cliLoop;
    expect((await finished).status).toBe('done');
    expect(errors).toEqual([]);
    // The writes all landed, each with its audit entry, and the chain holds.
    expect(((await ask('notes.list', {})) as unknown[]).length).toBe(counts.notes);
    expect(await ask('case.current', {})).toMatchObject({ metadata: { notes: `revision ${i}` } });
    expect((await ask('audit.verify', {})) as { ok: boolean }).toMatchObject({ ok: true });
    console.log(`concurrency: ${counts.calls} API calls (${counts.writes} writes) and ${counts.cli} CLI reads during the import, none refused`);
    expect(counts.calls).toBeGreaterThan(20);
  });
});
