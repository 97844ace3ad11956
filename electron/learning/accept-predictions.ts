import { userInfo } from 'node:os';
import type { CaseDb } from '../cases/case-db';
import { applyLabel } from '../cases/label-store';
import { appliedModel } from '../cases/model-store';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';

function author(): string {
  try {
    return userInfo().username || 'flowsight';
  } catch {
    return 'flowsight';
  }
}

/**
 * Makes flows' predictions their labels, with provenance `model-accepted`
 * (the detail names the model and the confidence bar), as one undoable act.
 */
export function acceptPredictions(db: CaseDb, selection: FlowSelection, o: { minConfidence: number; onlyUnlabelled: boolean }): number {
  const { where, params } = selectionSql(selection);
  const rows = db
    .prepare(`SELECT f.id, f.prediction FROM flows f WHERE f.prediction IS NOT NULL AND f.confidence >= ? ${o.onlyUnlabelled ? 'AND f.label IS NULL' : ''} AND ${where} ORDER BY f.id`)
    .all(o.minConfidence, ...params) as { id: number; prediction: string }[];
  const byClass = new Map<string, number[]>();
  for (const r of rows) {
    const ids = byClass.get(r.prediction);
    if (ids) ids.push(r.id);
    else byClass.set(r.prediction, [r.id]);
  }
  const model = appliedModel(db);
  const batch = `model-accepted ${Date.now()}`;
  let labelled = 0;
  for (const [label, flowIds] of byClass) {
    labelled += applyLabel(db, { flowIds, label, provenance: 'model-accepted', author: author(), batch, detail: `model ${model ?? '?'}, confidence ≥ ${o.minConfidence}` });
  }
  return labelled;
}

/** Active learning: unlabelled flows with a prediction, least confident first. */
export function labelNext(db: CaseDb, limit: number): unknown[] {
  return db
    .prepare('SELECT id, proto, src_ip, src_port, dst_ip, dst_port, first_ts, sni, prediction, confidence FROM flows WHERE label IS NULL AND prediction IS NOT NULL AND confidence IS NOT NULL ORDER BY confidence ASC, id ASC LIMIT ?')
    .all(limit);
}
