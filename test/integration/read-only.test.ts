import Database from 'better-sqlite3';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMutates, callNames, type CallName } from '../../shared/contract/calls';
import type { JobFinished } from '../../shared/domain/job';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { openCaseDb } from '../../electron/cases/case-db';
import { setBookmark } from '../../electron/cases/bookmark-store';
import { updateMetadata } from '../../electron/cases/case-metadata';
import { addNote } from '../../electron/cases/note-store';
import { migrations } from '../../electron/cases/migrations';
import { buildCase, snapshotFolder } from '../support/case-fixture';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
process.env.FLOWSIGHT_DATA = tmp.path('user-data');

/** Inputs that pass each mutating call's schema, so the refusal comes from the read-only rule, not validation. */
const mutatingInputs: Partial<Record<CallName, unknown>> = {
  'case.setMetadata': { title: 'changed' },
  'evidence.remove': { evidenceId: 1 },
  'evidence.restore': { evidenceId: 1 },
  'evidence.purge': { evidenceId: 1 },
  'ingest.start': { files: [corpus('apps/zeek/web.pcap')] },
  'ingest.resume': { evidenceId: 1 },
  'ingest.discard': { evidenceId: 1 },
  'bookmarks.set': { target: { kind: 'flow', key: '1' }, tag: 'malicious' },
  'bookmarks.remove': { target: { kind: 'flow', key: '1' } },
  'notes.add': { target: { kind: 'flow', key: '1' }, text: 'x' },
  'notes.update': { id: 1, text: 'y' },
  'notes.remove': { id: 1 },
  'capture.start': { device: 'lo' },
  'capture.tag': { tag: 'x' },
  'findings.start': {},
  'anomaly.train': {},
  'anomaly.suggestK': {},
  'sessions.scan': { loginHour: 12, sessionDuration: 30, commandsCount: 10, failedLogins: 0, protocol: 'HTTPS', typingSpeed: 40 },
  'sessions.import': { path: corpus('apps/zeek/web.pcap'), mapping: {} },
  'sessions.setClassifier': { active: 'model:1' },
  'sessions.train': {},
  'sessions.derive': {},
  'hosts.compute': {},
  'hosts.settings': { settings: { localNetworks: ['10.0.0.0/8'], timeZone: 'UTC', sessionGap: 1800, typingPause: 2 } },
  'flowlog.import': { path: corpus('apps/zeek/web.pcap') },
  'models.train': { level: 'app', algorithm: 'rf' },
  'models.delete': { id: 1 },
  'models.import': { path: corpus('apps/zeek/web.pcap') },
  'models.apply': { id: 1 },
  'models.accept': { scope: { filter: '' } },
  'labels.apply': { ids: [1], label: 'web' },
  'labels.applyFilter': { filter: '', label: 'web' },
  'labels.undo': {},
  'labels.define': { name: 'web' },
  'labels.rules.add': { field: 'sni', pattern: 'example.com', label: 'web' },
  'labels.rules.remove': { id: 1 },
  'labels.rules.run': {},
  'labels.importCsv': { path: corpus('apps/zeek/web.pcap') },
};

describe('a case opened read-only', () => {
  const folder = tmp.path('case-folder');
  const casePath = join(folder, 'evidence.flowsight');
  let session: Session;
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(session, name, input, 'test');
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.result as T;
  };
  const jobDone = (jobId: string) =>
    new Promise<JobFinished>((resolve) => {
      const off = session.onEvent((event, payload) => {
        if (event === 'job.finished' && (payload as JobFinished).jobId === jobId) {
          off();
          resolve(payload as JobFinished);
        }
      });
    });

  beforeAll(async () => {
    mkdirSync(folder, { recursive: true });
    // The evidence beside the case, as investigators keep it.
    copyFileSync(corpus('apps/zeek/web.pcap'), join(folder, 'web.pcap'));
    await buildCase(casePath, [join(folder, 'web.pcap')]);
    const db = openCaseDb(casePath);
    updateMetadata(db, { title: 'Read-only test', examiner: 'A. Examiner' }, 'examiner');
    setBookmark(db, { kind: 'flow', key: '1' }, 'suspicious', 'examiner');
    addNote(db, { kind: 'flow', key: '1' }, 'first contact', 'examiner');
    db.close();
    session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test' });
  });
  afterAll(async () => {
    await session.dispose();
    tmp.cleanup();
  });

  it('writes nothing to the case file or its folder through a whole session of reads', async () => {
    const before = snapshotFolder(folder);
    expect(Object.keys(before).sort()).toEqual(['evidence.flowsight', 'web.pcap']);
    const summary = await call<{ readOnly: boolean; flowCount: number; metadata: { title: string } }>('case.open', { path: casePath, readOnly: true });
    expect(summary).toMatchObject({ readOnly: true, flowCount: 2, metadata: { title: 'Read-only test' } });
    // The verification that runs on open, then one on demand.
    const verified = new Promise<unknown>((resolve) => session.onEvent((e, p) => e === 'evidence.verified' && resolve(p)));
    expect(await verified).toMatchObject({ ok: true, checks: [{ state: 'ok' }] });
    const { jobId } = await call<{ jobId: string }>('evidence.verify', {});
    expect((await jobDone(jobId)).status).toBe('done');

    const page = await call<{ rows: { id: number; proto: string }[] }>('flows.page', { startRow: 0, endRow: 100, sort: [{ field: 'bytes', dir: 'desc' }], scope: { filter: 'tcp.port == 80' } });
    const http = page.rows[0];
    expect(http.proto).toBe('tcp');
    expect((await call<{ count: number }>('flows.count', { scope: { filter: 'bookmark == "suspicious"' } })).count).toBe(1);
    await call('flows.detail', { id: http.id });
    expect((await call<{ total: number }>('flows.packets', { id: http.id, offset: 0, limit: 50 })).total).toBeGreaterThan(0);
    await call('flows.packetBytes', { id: http.id, number: 1 });
    expect((await call<{ clientBytes: number }>('flows.stream', { id: http.id })).clientBytes).toBeGreaterThan(0);
    for (const c of ['stats.conversations', 'stats.endpoints']) await call(c, { scope: { filter: '' } });
    await call('stats.breakdown', { scope: { filter: '' }, by: 'app' });
    await call('stats.ioGraph', { scope: { filter: '' } });
    await call('evidence.list', {});
    expect((await call<{ ok: boolean }>('audit.verify', {})).ok).toBe(true);
    expect((await call<{ total: number }>('audit.list', {})).total).toBeGreaterThanOrEqual(6);
    expect((await call<{ text: string }>('audit.export', { format: 'jsonl' })).text).toContain('"action":"bookmark.set"');
    expect(await call<unknown[]>('bookmarks.list', {})).toHaveLength(1);
    expect(await call<unknown[]>('notes.list', {})).toHaveLength(1);
    // An export in serve mode goes to a temporary folder, not beside the case.
    const exp = await call<{ jobId: string }>('export.start', { scope: { filter: '' }, format: 'pcapng' });
    expect((await jobDone(exp.jobId)).status).toBe('done');
    expect(session.downloads.get(exp.jobId)!.path.startsWith(folder)).toBe(false);
    expect(await call('case.close', {})).toEqual({ closed: true });
    await new Promise((r) => setTimeout(r, 200));

    expect(snapshotFolder(folder)).toEqual(before);
  });

  it('refuses every call that changes the case with read_only, before its handler runs', async () => {
    await call('case.open', { path: casePath, readOnly: true });
    const mutating = callNames.filter(callMutates);
    expect(mutating.sort()).toEqual(Object.keys(mutatingInputs).sort());
    for (const name of mutating) {
      const r = await dispatch(session, name, mutatingInputs[name], 'test');
      expect(r, name).toMatchObject({ ok: false, error: { code: 'read_only' } });
    }
    const db = openCaseDb(casePath, { immutable: true });
    expect(db.prepare("SELECT value FROM meta WHERE key = 'title'").get()).toEqual({ value: 'Read-only test' });
    db.close();
    await call('case.close', {});
  });

  it('refuses to open read-only a case that needs a schema upgrade, naming both versions', async () => {
    const old = tmp.path('schema5.flowsight');
    const raw = new Database(old);
    raw.transaction(() => {
      for (const m of migrations.filter((x) => x.version <= 5)) m.up(raw);
      raw.pragma('user_version = 5');
    })();
    raw.close();
    const before = snapshotFolder(tmp.dir);
    const r = await dispatch(session, 'case.open', { path: old, readOnly: true }, 'test');
    expect(r).toMatchObject({ ok: false, error: { code: 'read_only' } });
    expect(!r.ok && r.error.message).toBe(`${old}: this case needs a schema upgrade (5 → ${migrations.at(-1)!.version}), which a read-only open cannot do: open it read-write once (or a copy of it)`);
    const after = snapshotFolder(tmp.dir);
    delete after['user-data/recent-cases.json'];
    delete before['user-data/recent-cases.json'];
    expect(after).toEqual(before);
  });

  it('refuses to open read-only a case with a write-ahead log (open elsewhere, or not closed cleanly)', async () => {
    const writer = openCaseDb(casePath);
    writer.pragma('wal_autocheckpoint = 0');
    updateMetadata(writer, { notes: 'written while open' }, 'examiner');
    const r = await dispatch(session, 'case.open', { path: casePath, readOnly: true }, 'test');
    expect(r).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringContaining('the case has a write-ahead log') } });
    writer.close();
    expect(await call('case.open', { path: casePath, readOnly: true })).toMatchObject({ readOnly: true, metadata: { notes: 'written while open' } });
    await call('case.close', {});
  });
});
