import type { Finding, FindingKind, FindingsRun, Severity, Thresholds } from '../../../shared/domain/findings';
import { appendAudit } from '../../cases/audit-log';
import type { CaseDb } from '../../cases/case-db';
import { currentUser } from '../../cases/case-user';
import type { FindingDraft } from './detector';

/** Addresses listed per finding at most; the evidence flows keep every one. */
const MAX_LISTED = 1000;

/** Stores a run's findings in place of the previous run's, with its audit entry, in one transaction. */
export function saveFindings(db: CaseDb, run: { flows: number; thresholds: Record<string, Thresholds> }, drafts: FindingDraft[], at = Date.now() / 1000, user = currentUser()): number {
  const insertFinding = db.prepare(
    'INSERT INTO findings (run_id, kind, severity, start_ts, end_ts, src_ips, dst_ips, dst_port, proto, count, flow_count, explanation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const insertFlow = db.prepare('INSERT INTO finding_flows (finding_id, flow_id) VALUES (?, ?)');
  return db.transaction(() => {
    db.prepare('DELETE FROM finding_runs').run();
    const runId = Number(db.prepare('INSERT INTO finding_runs (created_at, flows, thresholds) VALUES (?, ?, ?)').run(at, run.flows, JSON.stringify(run.thresholds)).lastInsertRowid);
    for (const d of drafts) {
      const id = insertFinding.run(runId, d.kind, d.severity, d.startTs, d.endTs, JSON.stringify(d.srcIps.slice(0, MAX_LISTED)), JSON.stringify(d.dstIps.slice(0, MAX_LISTED)), d.dstPort, d.proto, d.count, d.flowIds.length, d.explanation).lastInsertRowid;
      for (const f of d.flowIds) insertFlow.run(id, f);
    }
    appendAudit(db, { user, action: 'findings.run', params: { runId, flows: run.flows, findings: drafts.length, thresholds: run.thresholds } });
    return runId;
  }).immediate();
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
