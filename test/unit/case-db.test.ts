import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openCaseDb } from '../../electron/cases/case-db';
import { CaseError } from '../../electron/cases/case-errors';
import { SCHEMA_VERSION, migrations } from '../../electron/cases/migrations';
import { flowFields } from '../../shared/fields';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

describe('case file', () => {
  it('is created in WAL mode at the latest schema, with meta, evidence and flows', () => {
    const db = openCaseDb(tmp.path('new.flowsight'), { create: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('page_size', { simple: true })).toBe(16384);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(['meta', 'evidence', 'flows']));
    const cols = (db.prepare('PRAGMA table_info(flows)').all() as { name: string }[]).map((c) => c.name);
    for (const f of flowFields) expect(cols).toContain(f.name);
    db.close();
  });

  it('has numbered, increasing migrations', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('drops the address text indexes of a case from before migration 15 (addresses sort and filter by key)', () => {
    const path = tmp.path('v14.flowsight');
    openCaseDb(path, { create: true }).close();
    const raw = new Database(path);
    raw.exec('CREATE INDEX flows_src_ip ON flows(src_ip); CREATE INDEX flows_dst_ip ON flows(dst_ip);');
    raw.pragma('user_version = 14');
    raw.close();
    const db = openCaseDb(path);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flows'").all() as { name: string }[]).map((r) => r.name);
    expect(names).not.toContain('flows_src_ip');
    expect(names).not.toContain('flows_dst_ip');
    expect(names).toEqual(expect.arrayContaining(['flows_src_ip_key', 'flows_dst_ip_key']));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('refuses a case written by a newer schema, saying so', () => {
    const path = tmp.path('future.flowsight');
    openCaseDb(path, { create: true }).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openCaseDb(path)).toThrow(CaseError);
    expect(() => openCaseDb(path)).toThrow(/written by a newer Flowsight \(schema \d+; this version reads up to \d+\)/);
  });

  it('refuses a named pipe or a directory as a case, naming what it is, without waiting on the pipe', () => {
    const pipe = tmp.path('case.fifo');
    execFileSync('mkfifo', [pipe]);
    expect(() => openCaseDb(pipe)).toThrow(CaseError);
    expect(() => openCaseDb(pipe, { create: true })).toThrow(`${pipe}: not a case file: it is a named pipe`);
    expect(() => openCaseDb(tmp.path(''), { readOnly: true })).toThrow(/: not a case file: it is a directory$/);
  });

  it('refuses an SQLite file that is not a case, and a file that is not SQLite', () => {
    const other = tmp.path('other.db');
    const raw = new Database(other);
    raw.exec('CREATE TABLE t (x)');
    raw.close();
    expect(() => openCaseDb(other)).toThrow(/not a Flowsight case/);
    const text = tmp.path('text.flowsight');
    writeFileSync(text, 'plain text, not a database at all, long enough to have a header');
    expect(() => openCaseDb(text)).toThrow(CaseError);
  });

  it('refuses to open a missing case unless asked to create it', () => {
    expect(() => openCaseDb(tmp.path('missing.flowsight'))).toThrow(/no such case file/);
  });
});

describe('bulk import indexes', () => {
  const indexes = (db: ReturnType<typeof openCaseDb>) =>
    (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flows' AND sql IS NOT NULL ORDER BY name").all() as { name: string }[]).map((r) => r.name);

  it('are dropped for an import into an empty case and rebuilt after, or on the next open after a crash', async () => {
    const { suspendFlowIndexes, restoreFlowIndexes } = await import('../../electron/cases/bulk-indexes');
    const path = tmp.path('bulk.flowsight');
    const db = openCaseDb(path, { create: true });
    const all = indexes(db);
    expect(all).toEqual(expect.arrayContaining(['flows_bytes', 'flows_first_ts', 'flows_src_ip_key']));
    expect(suspendFlowIndexes(db)).toBe(true);
    expect(indexes(db)).toEqual([]);
    restoreFlowIndexes(db);
    expect(indexes(db)).toEqual(all);
    // Interrupted import: the process dies with the indexes parked.
    expect(suspendFlowIndexes(db)).toBe(true);
    db.close();
    const reopened = openCaseDb(path);
    expect(indexes(reopened)).toEqual(all);
    reopened.close();
  });
});
