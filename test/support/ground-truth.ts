import { openCaseDb } from '../../electron/cases/case-db';
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
    const find = db.prepare('SELECT id FROM flows WHERE proto = ? AND src_ip = ? AND src_port = ? AND dst_ip = ? AND dst_port = ?');
    const ids = rows.map((r) => {
      const hit = find.all(r.proto, r.src_ip, r.src_port, r.dst_ip, r.dst_port) as { id: number }[];
      if (hit.length !== 1) throw new Error(`ground truth ${r.proto} ${r.src_ip}:${r.src_port} → ${r.dst_ip}:${r.dst_port}: ${hit.length} flows`);
      return hit[0].id;
    });
    const byLabel = new Map<string, number[]>();
    rows.forEach((r, i) => byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), ids[i]]));
    for (const [label, flowIds] of byLabel) applyLabel(db, { flowIds, label, provenance: 'csv', author: 'test', batch: `ground-truth ${label}` });
    return ids;
  } finally {
    db.close();
  }
}
