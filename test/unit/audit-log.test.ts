import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { appendAudit, audited, listAudit, verifyAudit } from '../../electron/cases/audit-log';
import { GENESIS_HASH } from '../../electron/cases/audit-hash';
import { openCaseDb } from '../../electron/cases/case-db';
import { auditText } from '../../electron/cases/audit-export';
import { tempDir } from '../support/tmp';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A case with the creation entry and four more. */
function caseWithEntries(name: string): string {
  const path = tmp.path(name);
  const db = openCaseDb(path, { create: true, user: 'alice' });
  for (let i = 1; i <= 4; i++) audited(db, { user: 'alice', action: 'test.step', params: { step: i, note: `entry ${i}` } }, () => undefined);
  db.close();
  return path;
}

/** The same file opened as plain SQLite with the triggers gone: what someone editing it outside Flowsight can do. */
function tamper(path: string, sql: string): void {
  const raw = new Database(path);
  raw.exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete; DROP TRIGGER audit_extends_chain; DROP TRIGGER audit_head;');
  raw.exec(sql);
  raw.close();
}

describe('audit trail', () => {
  it('chains every entry to the one before: seq from 1, prev_hash = previous hash, hash = SHA-256 of the fields', () => {
    const db = openCaseDb(caseWithEntries('chain.flowsight'));
    const entries = listAudit(db);
    expect(entries.map((e) => [e.seq, e.user, e.action])).toEqual([
      [1, 'alice', 'case.create'],
      [2, 'alice', 'test.step'],
      [3, 'alice', 'test.step'],
      [4, 'alice', 'test.step'],
      [5, 'alice', 'test.step'],
    ]);
    expect(entries[0].prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i].prevHash).toBe(entries[i - 1].hash);
    const e = entries[2];
    const expected = createHash('sha256').update(JSON.stringify([e.seq, e.at, e.user, e.action, JSON.stringify(e.params), e.prevHash])).digest('hex');
    expect(e.hash).toBe(expected);
    expect(verifyAudit(db)).toEqual({ ok: true, entries: 5, firstBroken: null, head: entries[4].hash });
    db.close();
  });

  it('refuses UPDATE and DELETE on the audit table (triggers)', () => {
    const db = openCaseDb(caseWithEntries('triggers.flowsight'));
    expect(() => db.prepare("UPDATE audit SET user = 'mallory' WHERE seq = 2").run()).toThrow('the audit trail is append-only: its entries cannot be changed');
    expect(() => db.prepare('DELETE FROM audit WHERE seq = 5').run()).toThrow('the audit trail is append-only: its entries cannot be deleted');
    expect(() => db.prepare("INSERT OR REPLACE INTO audit (seq, at, user, action, params, prev_hash, hash) VALUES (2, 'x', 'm', 'a', '{}', 'p', 'h')").run()).toThrow();
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
  });

  it('refuses an insert that does not continue the chain', () => {
    const db = openCaseDb(caseWithEntries('insert.flowsight'));
    const last = listAudit(db).at(-1)!;
    const insert = db.prepare('INSERT INTO audit (seq, at, user, action, params, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)');
    expect(() => insert.run(7, 't', 'm', 'a', '{}', last.hash, 'h')).toThrow('an audit entry must continue the chain');
    expect(() => insert.run(6, 't', 'm', 'a', '{}', GENESIS_HASH, 'h')).toThrow('an audit entry must continue the chain');
    db.close();
  });

  it('a change and its entry commit together: a change that throws leaves neither', () => {
    const db = openCaseDb(caseWithEntries('atomic.flowsight'));
    expect(() =>
      audited(db, { user: 'alice', action: 'case.metadata', params: {} }, () => {
        db.prepare("INSERT INTO meta (key, value) VALUES ('title', 'half')").run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.prepare("SELECT value FROM meta WHERE key = 'title'").get()).toBeUndefined();
    expect(listAudit(db)).toHaveLength(5);
    db.close();
  });

  it('names the first entry whose content was altered', () => {
    const path = caseWithEntries('altered.flowsight');
    tamper(path, `UPDATE audit SET params = '{"step":2,"note":"rewritten"}' WHERE seq = 3`);
    const db = openCaseDb(path);
    const v = verifyAudit(db);
    expect(v.ok).toBe(false);
    expect(v.entries).toBe(2);
    expect(v.firstBroken).toEqual({ seq: 3, reason: 'its content does not match its hash (the entry was altered)' });
    db.close();
  });

  it('names the first entry after a deleted one, and a cut-off tail', () => {
    const gap = caseWithEntries('gap.flowsight');
    tamper(gap, 'DELETE FROM audit WHERE seq = 2');
    let db = openCaseDb(gap);
    expect(verifyAudit(db).firstBroken).toEqual({ seq: 3, reason: 'expected entry 2 here: entries 2–2 are missing' });
    db.close();

    const tail = caseWithEntries('tail.flowsight');
    tamper(tail, 'DELETE FROM audit WHERE seq >= 4');
    db = openCaseDb(tail);
    expect(verifyAudit(db).firstBroken).toEqual({ seq: 4, reason: 'the case recorded 5 entries; entries 4–5 are missing' });
    db.close();
  });

  it('names an entry whose hash was recomputed but whose successor still points at the old one', () => {
    const path = caseWithEntries('rehashed.flowsight');
    const db0 = openCaseDb(path);
    const e = listAudit(db0)[1];
    db0.close();
    const params = '{"step":1,"note":"forged"}';
    const forged = createHash('sha256').update(JSON.stringify([e.seq, e.at, e.user, e.action, params, e.prevHash])).digest('hex');
    tamper(path, `UPDATE audit SET params = '${params}', hash = '${forged}' WHERE seq = 2`);
    const db = openCaseDb(path);
    const v = verifyAudit(db);
    expect(v.firstBroken?.seq).toBe(3);
    expect(v.firstBroken?.reason).toMatch(/^its previous hash [0-9a-f]{12}… is not entry 2's hash [0-9a-f]{12}…$/);
    db.close();
  });

  it('exports JSONL that lets anyone recompute the chain, and CSV with a header', () => {
    const db = openCaseDb(caseWithEntries('export.flowsight'));
    const entries = listAudit(db);
    const jsonl = auditText(entries, 'jsonl');
    expect(jsonl.count).toBe(5);
    const lines = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    let prev = GENESIS_HASH;
    for (const l of lines) {
      expect(l.prev_hash).toBe(prev);
      const h = createHash('sha256').update(JSON.stringify([l.seq, l.at, l.user, l.action, JSON.stringify(l.params), l.prev_hash])).digest('hex');
      expect(l.hash).toBe(h);
      prev = h;
    }
    const csv = auditText(entries, 'csv').text.trim().split('\n');
    expect(csv[0]).toBe('seq,at,user,action,params,prev_hash,hash');
    expect(csv[2]).toBe(`2,${entries[1].at},alice,test.step,"{""step"":1,""note"":""entry 1""}",${entries[1].prevHash},${entries[1].hash}`);
    db.close();
  });

  it('two connections writing in turn extend one chain', () => {
    const path = caseWithEntries('two.flowsight');
    const a = openCaseDb(path);
    const b = openCaseDb(path);
    for (let i = 0; i < 10; i++) {
      audited(a, { user: 'a', action: 'test.a', params: { i } }, () => undefined);
      b.transaction(() => appendAudit(b, { user: 'b', action: 'test.b', params: { i } })).immediate();
    }
    expect(verifyAudit(a)).toMatchObject({ ok: true, entries: 25 });
    a.close();
    b.close();
  });
});
