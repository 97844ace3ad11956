import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync, statSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Evidence, IntegrityReport } from '../../shared/domain/evidence';
import type { JobFinished } from '../../shared/domain/job';
import type { AuditEntry } from '../../shared/domain/audit';
import { dispatch } from '../../electron/api/dispatch';
import { MemoryLogger } from '../../electron/api/log';
import { Session } from '../../electron/api/session';
import { runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';
import { tshark } from '../support/tshark';

const tmp = tempDir();
process.env.FLOWSIGHT_DATA = tmp.path('user-data');

/** Flips one byte in the middle of a file, keeping its size and modification time: only the hash can tell. */
function flipByteKeepingMtime(path: string): void {
  const { atime, mtime } = statSync(path);
  const bytes = readFileSync(path);
  bytes[bytes.length >> 1] ^= 0xff;
  writeFileSync(path, bytes);
  utimesSync(path, atime, mtime);
}

describe('evidence integrity', () => {
  const casePath = tmp.path('integrity.flowsight');
  const web = tmp.path('web.pcap');
  const gz = tmp.path('wikipedia.pcap.gz');
  const cut = tmp.path('workshop-cut.pcap');
  let session: Session;
  const call = async <T>(name: string, input: unknown): Promise<T> => {
    const r = await dispatch(session, name, input, 'test');
    if (!r.ok) throw Object.assign(new Error(`${name}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
    return r.result as T;
  };
  const next = <T>(event: string, match: (p: T) => boolean = () => true) =>
    new Promise<T>((resolve) => {
      const off = session.onEvent((e, p) => {
        if (e === event && match(p as T)) {
          off();
          resolve(p as T);
        }
      });
    });

  /** The first flow (in `filter`) read from evidence file `evidenceId`: the filter has no evidence field, the flow detail names it. */
  const flowOf = async (evidenceId: number, filter = ''): Promise<{ id: number }> => {
    const { rows } = await call<{ rows: { id: number }[] }>('flows.page', { startRow: 0, endRow: 1000, scope: { filter } });
    for (const row of rows) {
      const d = await call<{ evidence: { id: number } | null }>('flows.detail', { id: row.id });
      if (d.evidence?.id === evidenceId) return row;
    }
    throw new Error(`no flow of evidence ${evidenceId} matches ${JSON.stringify(filter)}`);
  };

  beforeAll(async () => {
    copyFileSync(corpus('apps/zeek/web.pcap'), web);
    writeFileSync(gz, gzipSync(readFileSync(corpus('apps/zeek/wikipedia.pcap'))));
    copyFileSync(corpus('apps/zeek/workshop_2011_browse.pcap'), cut);
    // Cut inside a record: the import keeps what came before and is partial.
    truncateSync(cut, statSync(cut).size - 37);
    session = new Session({ log: new MemoryLogger(), transport: 'serve', version: 'test' });
    await call('case.create', { path: casePath });
    const done = next<JobFinished>('job.finished', (f) => f.kind === 'ingest');
    await call('ingest.start', { files: [web, gz, cut] });
    expect((await done).status).toBe('done');
  });
  afterAll(async () => {
    await session.dispose();
    tmp.cleanup();
  });

  it('records at import the SHA-256 (as sha256sum computes it), size, time range, packet count and options', async () => {
    const evidence = await call<Evidence[]>('evidence.list', {});
    expect(evidence.map((e) => e.path)).toEqual([web, gz, cut]);
    for (const e of evidence) {
      expect(e.sha256).toBe(execFileSync('sha256sum', [e.path], { encoding: 'utf8' }).split(' ')[0]);
      expect(e.size).toBe(statSync(e.path).size);
      expect(e.importOptions).toEqual({ engine: { idleTimeout: 120, activeTimeout: 1800, closeTimeout: 10 }, flowsight: 'test' });
      expect(e.source).toBe('import');
    }
    expect(evidence.map((e) => e.status)).toEqual(['complete', 'complete', 'partial']);
    // Packets and the capture's time range, as tshark reads the same files.
    for (const e of evidence.slice(0, 2)) {
      const times = tshark(['-n', '-r', e.path, '-T', 'fields', '-e', 'frame.time_epoch']).split('\n').filter(Boolean).map(Number);
      expect(e.packets).toBe(times.length);
      expect(e.firstTs).toBeCloseTo(Math.min(...times), 6);
      expect(e.lastTs).toBeCloseTo(Math.max(...times), 6);
    }
    // The audit trail holds the same hashes.
    const { entries } = await call<{ entries: AuditEntry[] }>('audit.list', { newestFirst: false });
    const finished = entries.filter((a) => a.action === 'evidence.import.finish');
    expect(finished.map((a) => [a.params.path, a.params.sha256, a.params.size])).toEqual(evidence.map((e) => [e.path, e.sha256, e.size]));
  });

  it('verifies on open, and `flowsight verify` exits 0 while nothing changed', async () => {
    await call('case.close', {});
    const verified = next<IntegrityReport>('evidence.verified');
    await call('case.open', { path: casePath });
    const report = await verified;
    expect(report.ok).toBe(true);
    expect(report.checks.map((c) => c.state)).toEqual(['ok', 'ok', 'ok']);
    const r = runCli(['verify', '--case', casePath]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['OK', web],
      ['OK', gz],
      ['OK', cut],
    ]);
  });

  it('refuses to re-read a changed file (same size and mtime): packets, bytes, stream and pcapng export fail with evidence_changed', async () => {
    const flow = await flowOf(1, 'tcp.port == 80');
    expect((await call<{ total: number }>('flows.packets', { id: flow.id })).total).toBeGreaterThan(0);
    await call('case.close', {});
    flipByteKeepingMtime(web);
    const verified = next<IntegrityReport>('evidence.verified');
    await call('case.open', { path: casePath });
    const report = await verified;
    expect(report.ok).toBe(false);
    expect(report.checks[0]).toMatchObject({ path: web, state: 'changed', actualSize: statSync(web).size });
    expect(report.checks[0].detail).toMatch(/^its SHA-256 changed: [0-9a-f]{16}… at import, [0-9a-f]{16}… now$/);
    for (const [name, input] of [
      ['flows.packets', { id: flow.id }],
      ['flows.packetBytes', { id: flow.id, number: 1 }],
      ['flows.stream', { id: flow.id }],
    ] as const) {
      const r = await dispatch(session, name, input, 'test');
      expect(r, name).toMatchObject({ ok: false, error: { code: 'evidence_changed', message: expect.stringContaining(`${web}: its SHA-256 changed`) } });
    }
    const exported = next<JobFinished>('job.finished', (f) => f.kind === 'export');
    await call('export.start', { scope: { filter: '', ids: [flow.id] }, format: 'pcapng' });
    const end = await exported;
    expect(end.status).toBe('failed');
    expect(end.error).toContain(`${web}: its SHA-256 changed`);
    // Flows of the other files still read.
    const other = await flowOf(2);
    expect((await call<{ total: number }>('flows.packets', { id: other.id })).total).toBeGreaterThan(0);
  });

  it('a reader that was not told hashes a file whose stamp changed, and refuses it too', async () => {
    // Touched and changed again: the verdict's stamp no longer matches, so the query worker hashes it itself.
    const bytes = readFileSync(web);
    bytes[10] ^= 0x01;
    writeFileSync(web, bytes);
    const flow = await flowOf(1);
    const r = await dispatch(session, 'flows.packets', { id: flow.id }, 'test');
    expect(r).toMatchObject({ ok: false, error: { code: 'evidence_changed' } });
    // Put the original bytes back (new mtime): hashed again, equal, read again.
    copyFileSync(corpus('apps/zeek/web.pcap'), web);
    expect((await call<{ total: number }>('flows.packets', { id: flow.id })).total).toBeGreaterThan(0);
  });

  it('`flowsight verify` exits 1 and names each changed or missing file', () => {
    flipByteKeepingMtime(web);
    rmSync(gz);
    const r = runCli(['verify', '--case', casePath]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('flowsight: evidence changed or missing:');
    expect(lines[1]).toMatch(new RegExp(`^  ${web.replace(/[.]/g, '\\.')}: its SHA-256 changed: [0-9a-f]{16}… at import, [0-9a-f]{16}… now$`));
    expect(lines[2]).toBe(`  ${gz}: the file is missing`);
    expect(r.stdout).toContain(`OK       ${cut}`);
  });

  it('`flowsight verify` reports an evidence path that became a named pipe as changed, without waiting on it', () => {
    rmSync(cut);
    execFileSync('mkfifo', [cut]);
    // Hashing would open the pipe and wait for a writer that never comes (runCli kills it after a minute).
    const r = runCli(['verify', '--case', casePath], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toContain(`  ${cut}: it is no longer a regular file: it is a named pipe`);
  });
});
