import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobFinished } from '../../shared/domain/job';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { buildCase } from '../support/case-fixture';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
process.env.FLOWSIGHT_DATA = tmp.path('user-data');

/**
 * In the desktop app the renderer may name only files the user picked in a
 * native dialog, cases on the recent list, and files inside the open case's
 * folder; every path is canonicalised first, so `..` and symbolic links cannot
 * walk out. The dialog here is a stand-in answering what a user would pick.
 */
describe('paths the renderer names (desktop transport)', () => {
  const folder = tmp.path('case');
  const outside = tmp.path('elsewhere');
  const casePath = join(folder, 'c.flowsight');
  let picked: string[] = [];
  let session: Session;
  const ask = (name: string, input: unknown) => dispatch(session, name, input, 'test');
  const pick = async (paths: string[]) => {
    picked = paths;
    expect((await ask('ui.chooseFiles', { purpose: 'captures' })).ok).toBe(true);
  };

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    mkdirSync(outside, { recursive: true });
    copyFileSync(corpus('apps/zeek/web.pcap'), join(folder, 'web.pcap'));
    copyFileSync(corpus('apps/zeek/wikipedia.pcap'), join(outside, 'wikipedia.pcap'));
    // A link inside the case folder that points out of it.
    symlinkSync(join(outside, 'wikipedia.pcap'), join(folder, 'link.pcap'));
    await buildCase(casePath, [join(folder, 'web.pcap')]);
    session = new Session({ log: new MemoryLogger(), transport: 'ipc', version: 'test', chooseFiles: async () => picked });
  });
  afterAll(async () => {
    await session.dispose();
    tmp.cleanup();
  });

  it('refuses to open a case nobody chose, then opens it once chosen, under any spelling, by its canonical path', async () => {
    expect(await ask('case.open', { path: casePath })).toMatchObject({ ok: false, error: { code: 'forbidden', message: `${casePath}: a case to open must be chosen in a file dialog` } });
    await pick([casePath]);
    const spelled = join(outside, '..', 'case', '.', 'c.flowsight');
    const r = await ask('case.open', { path: spelled });
    expect(r).toMatchObject({ ok: true, result: { path: casePath } });
  });

  it('imports a file inside the case folder, but not a link there pointing out, nor a file elsewhere', async () => {
    const link = await ask('ingest.start', { files: [join(folder, 'link.pcap')] });
    expect(link).toMatchObject({ ok: false, error: { code: 'forbidden', message: `${join(outside, 'wikipedia.pcap')}: a capture to import must be chosen in a file dialog` } });
    const dotdot = await ask('ingest.start', { files: [join(folder, '..', 'elsewhere', 'wikipedia.pcap')] });
    expect(dotdot).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const finished = new Promise<JobFinished>((resolve) => session.onEvent((e, p) => e === 'job.finished' && resolve(p as JobFinished)));
    const inside = await ask('ingest.start', { files: [join(folder, 'web.pcap')] });
    expect(inside.ok).toBe(true);
    expect((await finished).status).toBe('done');
  });

  it('writes the audit trail only where a save dialog pointed', async () => {
    const target = join(outside, 'audit.jsonl');
    expect(await ask('audit.export', { format: 'jsonl', path: target })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(existsSync(target)).toBe(false);
    await pick([target]);
    const r = await ask('audit.export', { format: 'jsonl', path: target });
    expect(r).toMatchObject({ ok: true, result: { path: target } });
    expect(readFileSync(target, 'utf8')).toContain('"action":"case.create"');
  });

  it('refuses a path with NUL before any handler runs (the contract)', async () => {
    expect(await ask('case.open', { path: `${casePath}\0.txt` })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('opens a recent case without a dialog in a later session', async () => {
    await ask('case.close', {});
    const later = new Session({ log: new MemoryLogger(), transport: 'ipc', version: 'test', chooseFiles: async () => [] });
    try {
      expect(await dispatch(later, 'case.open', { path: casePath }, 'test')).toMatchObject({ ok: true, result: { path: casePath } });
      const never = join(outside, 'other.flowsight');
      expect(await dispatch(later, 'case.create', { path: never }, 'test')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(existsSync(never)).toBe(false);
    } finally {
      await later.dispose();
    }
  });
});
