import type { CaseDb } from '../cases/case-db';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';
import type { Classifier } from './classifier';
import { FlowFeatureReader } from './flow-features';
import { argmax } from './metrics';

/** Identity columns each prediction carries (the CLI's JSONL lines). */
export const PREDICTION_KEYS = ['id', 'proto', 'src_ip', 'src_port', 'dst_ip', 'dst_port', 'first_ts'] as const;

export interface PredictionBatch {
  /** One row of PREDICTION_KEYS values per flow. */
  flows: unknown[][];
  prediction: string[];
  confidence: Float64Array;
}

/**
 * Predicts the flows of a selection in id order, a batch at a time (keyset
 * paging, so memory stays flat on a case of any size).
 */
export function* predictFlows(db: CaseDb, model: { classifier: Classifier; features: readonly string[]; classes: readonly string[] }, selection: FlowSelection = {}, batch = 5000): Generator<PredictionBatch> {
  const reader = new FlowFeatureReader(model.features);
  const { where, params } = selectionSql(selection);
  const stmt = db
    .prepare(`SELECT ${PREDICTION_KEYS.map((k) => `f.${k}`).join(', ')}, ${reader.columns.map((c) => `f.${c}`).join(', ')} FROM flows f WHERE f.id > ? AND ${where} ORDER BY f.id LIMIT ?`)
    .raw();
  const F = model.features.length;
  const K = model.classes.length;
  const X = new Float32Array(batch * F);
  for (let after = 0; ; ) {
    const rows = stmt.all(after, ...params, batch) as unknown[][];
    if (rows.length === 0) return;
    rows.forEach((r, i) => reader.fill(r, PREDICTION_KEYS.length, X, i * F));
    const { predicted, confidence } = argmax(model.classifier.predictProba(X, rows.length, F), rows.length, K);
    yield { flows: rows.map((r) => r.slice(0, PREDICTION_KEYS.length)), prediction: Array.from(predicted, (k) => model.classes[k]), confidence };
    after = rows[rows.length - 1][0] as number;
  }
}

/** Flow count of a selection (for progress). */
export function selectionCount(db: CaseDb, selection: FlowSelection = {}): number {
  const { where, params } = selectionSql(selection);
  return (db.prepare(`SELECT count(*) AS n FROM flows f WHERE ${where}`).get(...params) as { n: number }).n;
}
