import type { AuditEntry, AuditVerification } from '../../shared/domain/audit';
import type { Bookmark, Note } from '../../shared/domain/bookmarks';
import type { CaseMetadata } from '../../shared/domain/case';
import type { Evidence, EvidenceCheck } from '../../shared/domain/evidence';
import type { Finding } from '../../shared/domain/findings';
import type { AnomalyRun } from '../../shared/domain/anomaly';
import { findingFlowIds, listFindings } from '../analysis/findings/findings-store';
import { latestRun } from '../analysis/kmeans/model-store';
import { auditCount, listAudit, verifyAudit } from '../cases/audit-log';
import type { CaseDb } from '../cases/case-db';
import { readMetadata } from '../cases/case-metadata';
import { listBookmarks } from '../cases/bookmark-store';
import { checkEvidenceFile } from '../cases/evidence-integrity';
import { hiddenEvidenceIds, listEvidence } from '../cases/evidence-store';
import { listNotes } from '../cases/note-store';

/** Evidence flow ids listed per finding in the report; the count is always given. */
const LISTED_FLOW_IDS = 50;
const AUDIT_EXCERPT = 50;
const TIMELINE_BINS = 24;

export interface CountRow {
  key: string;
  flows: number;
  bytes: number;
}

/** Everything a report shows, as plain data: the JSON report is this object, the HTML one renders it. */
export interface ReportData {
  generatedAt: string;
  flowsight: string;
  case: { path: string; schema: number; metadata: CaseMetadata };
  evidence: (Evidence & { check: Omit<EvidenceCheck, 'evidenceId' | 'path'> })[];
  summary: { flows: number; packets: number; bytes: number; firstTs: number | null; lastTs: number | null; byProtocol: CountRow[]; topApps: CountRow[]; timeline: { start: number; end: number; flows: number }[] };
  findings: { run: { createdAt: number; flows: number } | null; items: (Finding & { flowIds: number[] })[] };
  labels: { label: string; flows: number }[];
  model: AnomalyRun | null;
  bookmarks: Bookmark[];
  notes: Note[];
  audit: { total: number; verification: AuditVerification; excerpt: AuditEntry[] };
}

/**
 * Gathers a report from a case opened for reading. Evidence is hashed again
 * now (the report says whether each file still matches its import), and flows
 * of removed evidence are left out, as every view leaves them out.
 */
export function collectReport(db: CaseDb, casePath: string, version: string, now = new Date()): ReportData {
  const hidden = hiddenEvidenceIds(db);
  const visible = hidden.length ? `WHERE evidence_id NOT IN (${hidden.map(Number).join(',')})` : '';
  const totals = db.prepare(`SELECT count(*) AS flows, coalesce(sum(packets), 0) AS packets, coalesce(sum(bytes), 0) AS bytes, min(first_ts) AS firstTs, max(last_ts) AS lastTs FROM flows ${visible}`).get() as ReportData['summary'] & { firstTs: number | null; lastTs: number | null };
  const grouped = (column: string, limit: number) =>
    db.prepare(`SELECT coalesce(${column}, '(unknown)') AS key, count(*) AS flows, coalesce(sum(bytes), 0) AS bytes FROM flows ${visible} GROUP BY 1 ORDER BY flows DESC, key LIMIT ?`).all(limit) as CountRow[];
  const timeline: ReportData['summary']['timeline'] = [];
  if (totals.firstTs !== null && totals.lastTs !== null) {
    const span = Math.max(totals.lastTs - totals.firstTs, 1e-6);
    const width = span / TIMELINE_BINS;
    const counts = new Map((db.prepare(`SELECT min(CAST((first_ts - ?) / ? AS INTEGER), ?) AS bin, count(*) AS n FROM flows ${visible} GROUP BY 1`).all(totals.firstTs, width, TIMELINE_BINS - 1) as { bin: number; n: number }[]).map((r) => [r.bin, r.n]));
    for (let i = 0; i < TIMELINE_BINS; i++) timeline.push({ start: totals.firstTs + i * width, end: totals.firstTs + (i + 1) * width, flows: counts.get(i) ?? 0 });
  }
  const evidence = listEvidence(db).map((e) => {
    const { stamp: _s, evidenceId: _i, path: _p, ...check } = checkEvidenceFile({ id: e.id, path: e.path, size: e.size, sha256: e.sha256, mtime: null, status: e.status, removed: e.removedAt !== null });
    return { ...e, check };
  });
  const found = listFindings(db);
  return {
    generatedAt: now.toISOString(),
    flowsight: version,
    case: { path: casePath, schema: db.pragma('user_version', { simple: true }) as number, metadata: readMetadata(db) },
    evidence,
    summary: { ...totals, byProtocol: grouped('proto', 20), topApps: grouped('app', 10), timeline },
    findings: {
      run: found.run ? { createdAt: found.run.createdAt, flows: found.run.flows } : null,
      items: found.findings.map((f) => ({ ...f, flowIds: (findingFlowIds(db, f.id) ?? []).slice(0, LISTED_FLOW_IDS) })),
    },
    labels: db.prepare(`SELECT label, count(*) AS flows FROM flows ${visible ? `${visible} AND` : 'WHERE'} label IS NOT NULL GROUP BY label ORDER BY flows DESC, label`).all() as { label: string; flows: number }[],
    model: latestRun(db),
    bookmarks: listBookmarks(db),
    notes: listNotes(db),
    audit: { total: auditCount(db), verification: verifyAudit(db), excerpt: listAudit(db, { limit: AUDIT_EXCERPT, newestFirst: true }) },
  };
}
