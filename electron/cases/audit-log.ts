import type { CaseDb } from './case-db';
import { auditHash, GENESIS_HASH } from './audit-hash';

/** One action that changed the case, as the trail stores it. */
export interface AuditEntry {
  seq: number;
  at: string;
  user: string;
  action: string;
  params: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

/** What a caller records: who did what, with which parameters. */
export interface AuditRecord {
  user: string;
  action: string;
  params: Record<string, unknown>;
}

interface AuditRow {
  seq: number;
  at: string;
  user: string;
  action: string;
  params: string;
  prev_hash: string;
  hash: string;
}

export function hasAuditTrail(db: CaseDb): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit'").get() !== undefined;
}

/**
 * Appends an entry continuing the chain. Call it inside the transaction that
 * makes the change (see `audited`), so the change and its entry commit together
 * or not at all.
 */
export function appendAudit(db: CaseDb, r: AuditRecord, at = new Date()): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const fields = { seq: (last?.seq ?? 0) + 1, at: at.toISOString(), user: r.user, action: r.action, params: JSON.stringify(r.params), prevHash: last?.hash ?? GENESIS_HASH };
  const hash = auditHash(fields);
  db.prepare('INSERT INTO audit (seq, at, user, action, params, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(fields.seq, fields.at, fields.user, fields.action, fields.params, fields.prevHash, hash);
  return { ...fields, params: r.params, hash };
}

/**
 * Makes a change and records it in one IMMEDIATE transaction: the write lock is
 * taken before the last hash is read, so two writers (an ingest thread and the
 * UI) can never both extend the chain from the same entry. `record` may depend
 * on what the change returned (e.g. how many flows it touched).
 */
export function audited<T>(db: CaseDb, record: AuditRecord | ((result: T) => AuditRecord), change: () => T): T {
  return db
    .transaction(() => {
      const result = change();
      appendAudit(db, typeof record === 'function' ? record(result) : record);
      return result;
    })
    .immediate();
}

function fromRow(r: AuditRow): AuditEntry {
  return { seq: r.seq, at: r.at, user: r.user, action: r.action, params: JSON.parse(r.params) as Record<string, unknown>, prevHash: r.prev_hash, hash: r.hash };
}

export function auditCount(db: CaseDb): number {
  if (!hasAuditTrail(db)) return 0;
  return (db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number }).n;
}

/** Entries in sequence order, a page at a time (newest first when `newestFirst`). */
export function listAudit(db: CaseDb, opts: { offset?: number; limit?: number; newestFirst?: boolean } = {}): AuditEntry[] {
  if (!hasAuditTrail(db)) return [];
  const rows = db
    .prepare(`SELECT * FROM audit ORDER BY seq ${opts.newestFirst ? 'DESC' : 'ASC'} LIMIT ? OFFSET ?`)
    .all(opts.limit ?? -1, opts.offset ?? 0) as AuditRow[];
  return rows.map(fromRow);
}

export function* iterateAudit(db: CaseDb): IterableIterator<AuditEntry> {
  if (!hasAuditTrail(db)) return;
  for (const r of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) yield fromRow(r);
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The first entry that does not hold, and why; null when the chain is whole. */
  firstBroken: { seq: number; reason: string } | null;
  /** The last entry's hash: note it down (or hand it over) to detect a rewritten trail later. */
  head: string;
}

/**
 * Recomputes the chain: sequence numbers without gaps from 1, each entry's
 * previous hash equal to the entry before's hash, each hash equal to the hash
 * of its own fields. Reads the stored bytes (no re-serialisation), so any edit
 * of any field shows.
 */
export function verifyAudit(db: CaseDb): AuditVerification {
  let prev = GENESIS_HASH;
  let expected = 1;
  let n = 0;
  if (!hasAuditTrail(db)) return { ok: false, entries: 0, firstBroken: { seq: 0, reason: 'this case has no audit trail' }, head: GENESIS_HASH };
  for (const r of db.prepare('SELECT * FROM audit ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const broken = (reason: string): AuditVerification => ({ ok: false, entries: n, firstBroken: { seq: r.seq, reason }, head: prev });
    if (r.seq !== expected) return broken(`expected entry ${expected} here: entries ${expected}–${r.seq - 1} are missing`);
    if (r.prev_hash !== prev) return broken(`its previous hash ${r.prev_hash.slice(0, 12)}… is not entry ${r.seq - 1}'s hash ${prev.slice(0, 12)}…`);
    const h = auditHash({ seq: r.seq, at: r.at, user: r.user, action: r.action, params: r.params, prevHash: r.prev_hash });
    if (h !== r.hash) return broken(`its content does not match its hash (the entry was altered)`);
    prev = r.hash;
    expected++;
    n++;
  }
  const head = (db.prepare("SELECT value FROM meta WHERE key = 'audit_head'").get() as { value: string } | undefined)?.value;
  if (head !== undefined && head !== `${n} ${prev}`) {
    const recorded = Number(head.split(' ')[0]);
    const reason = recorded > n ? `the case recorded ${recorded} entries; entries ${n + 1}–${recorded} are missing` : `the recorded head (${head.slice(0, 24)}…) is not the last entry`;
    return { ok: false, entries: n, firstBroken: { seq: n + 1, reason }, head: prev };
  }
  return { ok: true, entries: n, firstBroken: null, head: prev };
}
