import { openCaseDb, type CaseDb } from '../../electron/cases/case-db';
import { applyLabel } from '../../electron/cases/label-store';
import type { GroundTruthRow } from '../generators/activity-scenario';

/**
 * Labels a case's flows from a generated scenario's ground truth: each row
 * names exactly one flow by its 5-tuple (the generator never reuses one).
 * Returns the flow id per row; a row without its flow is an error, since
 * the generator wrote every one.
 */
export function labelFromGroundTruth(casePath: string, rows: readonly GroundTruthRow[]): number[] {
  const db = openCaseDb(casePath);
  try {
    const ids = groundTruthFlowIds(db, rows);
    for (const [label, flowIds] of idsByLabel(rows, ids)) applyLabel(db, { flowIds, label, provenance: 'csv', author: 'test', batch: `ground-truth ${label}` });
    return ids;
  } finally {
    db.close();
  }
}

/** The flow ids of each class in the ground truth, without labelling anything (for labelling through the UI). */
export function groundTruthClasses(casePath: string, rows: readonly GroundTruthRow[]): Map<string, number[]> {
  const db = openCaseDb(casePath, { readOnly: true });
  try {
    return idsByLabel(rows, groundTruthFlowIds(db, rows));
  } finally {
    db.close();
  }
}

function idsByLabel(rows: readonly GroundTruthRow[], ids: number[]): Map<string, number[]> {
  const byLabel = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = byLabel.get(r.label);
    if (list) list.push(ids[i]);
    else byLabel.set(r.label, [ids[i]]);
  });
  return byLabel;
}

/** The flow each ground-truth row names. */
function groundTruthFlowIds(db: CaseDb, rows: readonly GroundTruthRow[]): number[] {
  // One pass over the flows (no index on the 5-tuple; a lookup per row would scan the table per row).
  const byTuple = new Map<string, number[]>();
  const key = (proto: unknown, a: unknown, ap: unknown, b: unknown, bp: unknown) => `${proto} ${a} ${ap} ${b} ${bp}`;
  for (const f of db.prepare('SELECT id, proto, src_ip, src_port, dst_ip, dst_port FROM flows').iterate() as Iterable<{ id: number; proto: string; src_ip: string; src_port: number; dst_ip: string; dst_port: number }>) {
    const k = key(f.proto, f.src_ip, f.src_port, f.dst_ip, f.dst_port);
    const ids = byTuple.get(k);
    if (ids) ids.push(f.id);
    else byTuple.set(k, [f.id]);
  }
  return rows.map((r) => {
    const hit = byTuple.get(key(r.proto, r.src_ip, r.src_port, r.dst_ip, r.dst_port)) ?? [];
    if (hit.length !== 1) throw new Error(`ground truth ${r.proto} ${r.src_ip}:${r.src_port} → ${r.dst_ip}:${r.dst_port}: ${hit.length} flows`);
    return hit[0];
  });
}
