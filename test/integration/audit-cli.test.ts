import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { audited, listAudit } from '../../electron/cases/audit-log';
import { openCaseDb } from '../../electron/cases/case-db';
import { jsonl, runCli } from '../support/cli';
import { corpus } from '../support/corpus';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function caseWithSteps(name: string, steps: number): string {
  const path = tmp.path(name);
  const db = openCaseDb(path, { create: true, user: 'alice' });
  for (let i = 1; i <= steps; i++) audited(db, { user: 'alice', action: 'test.step', params: { step: i } }, () => undefined);
  db.close();
  return path;
}

describe('flowsight audit', () => {
  it('--verify exits 0 on an intact chain and prints its length and head', () => {
    const path = caseWithSteps('intact.flowsight', 3);
    const db = openCaseDb(path, { immutable: true });
    const head = listAudit(db).at(-1)!.hash;
    db.close();
    const r = runCli(['audit', '--case', path, '--verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`audit trail intact: 4 entries, head ${head}\n`);
  });

  it('--verify exits 1 naming the first broken entry of a chain edited outside Flowsight', () => {
    const path = caseWithSteps('edited.flowsight', 5);
    const raw = new Database(path);
    raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_extends_chain; DROP TRIGGER audit_head;');
    raw.exec(`UPDATE audit SET params = '{"step":9}' WHERE seq = 4`);
    raw.close();
    const r = runCli(['audit', '--case', path, '--verify']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('flowsight: audit trail broken at entry 4: its content does not match its hash (the entry was altered) (3 entries before it hold)');
  });

  it('records detection runs and training: findings, a K-Means model and its run, each with its parameters', () => {
    const path = tmp.path('analysis.flowsight');
    expect(runCli(['ingest', '--quiet', '--case', path, corpus('apps/ndpi/pcap/1kxun.pcap')]).code).toBe(0);
    const findings = runCli(['findings', '--quiet', '--case', path]);
    expect(findings.code, findings.stderr).toBe(0);
    const detect = runCli(['detect', '--quiet', '--case', path, '--k', '3']);
    expect(detect.code, detect.stderr).toBe(0);
    const trail = jsonl<{ seq: number; action: string; params: Record<string, unknown> }>(runCli(['audit', '--case', path, '--format', 'jsonl']).stdout);
    const after = trail.filter((e) => !e.action.startsWith('case.') && !e.action.startsWith('evidence.'));
    expect(after.map((e) => e.action)).toEqual(['findings.run', 'anomaly.train', 'anomaly.detect']);
    expect(after[0].params).toMatchObject({ runId: 1, findings: jsonl(findings.stdout).length });
    expect(after[1].params).toMatchObject({ modelId: 1, baseline: path, params: { k: 3, seed: 42 } });
    expect(after[2].params).toMatchObject({ runId: 1, modelId: 1, points: jsonl(detect.stdout).length });
    expect(runCli(['audit', '--case', path, '--verify']).code).toBe(0);
  });

  it('--verify reads a case another Flowsight has open, changes still in its write-ahead log included', () => {
    const path = caseWithSteps('open.flowsight', 1);
    const writer = openCaseDb(path);
    writer.pragma('wal_autocheckpoint = 0');
    audited(writer, { user: 'bob', action: 'test.live', params: {} }, () => undefined);
    const r = runCli(['audit', '--case', path, '--verify']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^audit trail intact: 3 entries, head [0-9a-f]{64}\n$/);
    const printed = jsonl<{ seq: number; user: string; action: string }>(runCli(['audit', '--case', path, '--format', 'jsonl']).stdout);
    expect(printed.map((e) => [e.seq, e.user, e.action])).toEqual([
      [1, 'alice', 'case.create'],
      [2, 'alice', 'test.step'],
      [3, 'bob', 'test.live'],
    ]);
    writer.close();
  });
});
