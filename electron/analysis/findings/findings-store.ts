import type { Finding, FindingKind, FindingsRun, Severity, Thresholds } from '../../../shared/domain/findings';
import { appendAudit } from '../../cases/audit-log';
import type { CaseDb } from '../../cases/case-db';
import { currentUser } from '../../cases/case-user';
import type { FindingDraft } from './detector';

/** Addresses listed per finding at most; the evidence flows keep every one. */
const MAX_LISTED = 1000;

/** What makes two runs' findings the same finding: kind, window, hosts and port. */
const identity = (kind: string, startTs: number, endTs: number, srcIps: string, dstIps: string, dstPort: number | null, proto: string | null) =>
  JSON.stringify([kind, startTs, endTs, srcIps, dstIps, dstPort, proto]);

/**
 * Stores a run's findings in place of the previous run's, with its audit
 * entry, in one transaction. Bookmarks and notes name a finding by its id, so
 * ids are stable: a finding the previous run found too keeps its id, and a new
 * one gets an id no finding, bookmark or note has used, so an annotation never
 * moves to a different finding.
 */
export function saveFindings(db: CaseDb, run: { flows: number; thresholds: Record<string, Thresholds> }, drafts: FindingDraft[], at = Date.now() / 1000, user = currentUser()): number {
  const insertFinding = db.prepare(
    'INSERT INTO findings (id, run_id, kind, severity, start_ts, end_ts, src_ips, dst_ips, dst_port, proto, count, flow_count, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFlow = db.prepare('INSERT INTO finding_flows (finding_id, flow_id) VALUES (?, ?)');
  return db.transaction(() => {
    const previous = new Map<string, number>();
    for (const r of db.prepare('SELECT id, kind, start_ts, end_ts, src_ips, dst_ips, dst_port, proto FROM findings ORDER BY id').all() as FindingRow[]) {
      const key = identity(r.kind, r.start_ts, r.end_ts, r.src_ips, r.dst_ips, r.dst_port, r.proto);
      if (!previous.has(key)) previous.set(key, r.id);
    }
    let next = highestFindingId(db) + 1;
    db.prepare('DELETE FROM finding_runs').run();
    const runId = Number(db.prepare('INSERT INTO finding_runs (created_at, flows, thresholds) VALUES (?, ?, ?)').run(at, run.flows, JSON.stringify(run.thresholds)).lastInsertRowid);
    for (const d of drafts) {
      const srcIps = JSON.stringify(d.srcIps.slice(0, MAX_LISTED));
      const dstIps = JSON.stringify(d.dstIps.slice(0, MAX_LISTED));
      const key = identity(d.kind, d.startTs, d.endTs, srcIps, dstIps, d.dstPort, d.proto);
      const id = previous.get(key) ?? next++;
      previous.delete(key);
      insertFinding.run(id, runId, d.kind, d.severity, d.startTs, d.endTs, srcIps, dstIps, d.dstPort, d.proto, d.count, d.flowIds.length, d.explanation);
      for (const f of d.flowIds) insertFlow.run(id, f);
    }
    appendAudit(db, { user, action: 'findings.run', params: { runId, flows: run.flows, findings: drafts.length, thresholds: run.thresholds } });
    return runId;
  }).immediate();
}

/** The highest id any finding, or any bookmark or note on a finding (taken down or not), has had. */
function highestFindingId(db: CaseDb): number {
  const findings = (db.prepare('SELECT max(id) AS n FROM findings').get() as { n: number | null }).n ?? 0;
  const annotated =
    (db.prepare("SELECT max(n) AS n FROM (SELECT max(CAST(key AS INTEGER)) AS n FROM bookmarks WHERE kind = 'finding' UNION ALL SELECT max(CAST(key AS INTEGER)) FROM notes WHERE kind = 'finding')").get() as { n: number | null }).n ?? 0;
  return Math.max(findings, annotated);
}

interface FindingRow {
  id: number;
  kind: FindingKind;
  severity: Severity;
  start_ts: number;
  end_ts: number;
  src_ips: string;
  dst_ips: string;
  dst_port: number | null;
  proto: string | null;
  count: number;
  flow_count: number;
  explanation: string;
}

function fromRow(r: FindingRow): Finding {
  const srcIps = JSON.parse(r.src_ips) as string[];
  const dstIps = JSON.parse(r.dst_ips) as string[];
  return {
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    startTs: r.start_ts,
    endTs: r.end_ts,
    srcIp: srcIps.length === 1 ? srcIps[0] : null,
    srcIps,
    dstIp: dstIps.length === 1 ? dstIps[0] : null,
    dstIps,
    dstPort: r.dst_port,
    proto: r.proto,
    count: r.count,
    flowCount: r.flow_count,
    explanation: r.explanation,
  };
}

/** The latest run and its findings, in time order. */
export function listFindings(db: CaseDb): { run: FindingsRun | null; findings: Finding[] } {
  const run = db.prepare('SELECT id, created_at, flows, thresholds FROM finding_runs ORDER BY id DESC LIMIT 1').get() as { id: number; created_at: number; flows: number; thresholds: string } | undefined;
  if (!run) return { run: null, findings: [] };
  const rows = db.prepare('SELECT * FROM findings WHERE run_id = ? ORDER BY start_ts, id').all(run.id) as FindingRow[];
  return {
    run: { id: run.id, createdAt: run.created_at, flows: run.flows, thresholds: JSON.parse(run.thresholds) as Record<string, Thresholds> },
    findings: rows.map(fromRow),
  };
}

/** A finding's evidence flow ids, ascending; null when there is no such finding. */
export function findingFlowIds(db: CaseDb, findingId: number): number[] | null {
  if (!db.prepare('SELECT 1 FROM findings WHERE id = ?').get(findingId)) return null;
  return (db.prepare('SELECT flow_id FROM finding_flows WHERE finding_id = ? ORDER BY flow_id').raw().all(findingId) as [number][]).map((r) => r[0]);
}
