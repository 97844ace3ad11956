import { createHash } from 'node:crypto';
import { featuresOf } from '../../shared/domain/feature-groups';
import type { TrainSettings, TrainingSetInfo } from '../../shared/domain/model';
import type { CaseDb } from '../cases/case-db';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';
import type { FeatureMatrix } from './feature-matrix';
import { FlowFeatureReader } from './flow-features';
import { TrainingError } from './training-error';

/** The class a label stands for at a level: `app` is the part before the first slash; `activity` needs one. */
export function classOf(label: string, level: TrainSettings['level']): string | null {
  const slash = label.indexOf('/');
  if (level === 'app') return (slash < 0 ? label : label.slice(0, slash)).trim() || null;
  return slash > 0 && slash < label.length - 1 ? label.trim() : null;
}

/**
 * The case's labelled flows (within `selection`) as a feature matrix, in id
 * order, with the class of each at the chosen level. Classes with fewer than
 * `minClassFlows` flows are left out and reported; two classes must remain.
 */
export function loadTrainingSet(db: CaseDb, s: TrainSettings, selection: FlowSelection = {}): { matrix: FeatureMatrix; info: TrainingSetInfo; flowIds: Int32Array } {
  const features = featuresOf(s.groups);
  if (features.length === 0) throw new TrainingError('no features chosen');
  const reader = new FlowFeatureReader(features);
  const { where, params } = selectionSql(selection);
  const rows = db
    .prepare(`SELECT f.id, f.evidence_id, f.label, ${reader.columns.map((c) => `f.${c}`).join(', ')} FROM flows f WHERE f.label IS NOT NULL AND ${where} ORDER BY f.id`)
    .raw()
    .all(...params) as unknown[][];

  const counts = new Map<string, number>();
  const cls = rows.map((r) => {
    const c = classOf(r[2] as string, s.level);
    if (c !== null) counts.set(c, (counts.get(c) ?? 0) + 1);
    return c;
  });
  const dropped: Record<string, number> = {};
  for (const [c, n] of counts) if (n < s.minClassFlows) dropped[c] = n;
  const classes = [...counts.keys()].filter((c) => !(c in dropped)).sort();
  if (classes.length < 2) {
    const found = [...counts.entries()].map(([c, n]) => `${c} (${n})`).join(', ') || 'none';
    throw new TrainingError(
      `training needs at least two ${s.level} classes with ${s.minClassFlows} or more labelled flows each; found: ${found}` +
        (s.level === 'activity' ? '. Activity labels look like app/activity, e.g. WhatsApp/send-photo' : ''),
    );
  }
  const index = new Map(classes.map((c, i) => [c, i]));
  const keep = rows.map((_, i) => i).filter((i) => cls[i] !== null && index.has(cls[i]!));
  const F = features.length;
  const X = new Float32Array(keep.length * F);
  const y = new Int32Array(keep.length);
  const groups = new Int32Array(keep.length);
  const flowIds = new Int32Array(keep.length);
  keep.forEach((i, q) => {
    const r = rows[i];
    flowIds[q] = r[0] as number;
    groups[q] = r[1] as number;
    y[q] = index.get(cls[i]!)!;
    reader.fill(r, 3, X, q * F);
  });
  const matrix: FeatureMatrix = { rows: keep.length, features, X, y, classes, groups };
  const classCounts = Object.fromEntries(classes.map((c) => [c, counts.get(c)!]));
  return { matrix, info: { hash: trainingSetHash(matrix), flows: keep.length, captures: new Set(groups).size, classCounts, dropped }, flowIds };
}

/** SHA-256 over the feature schema, the classes, and every row's values and class: the same data gives the same hash in any case. */
export function trainingSetHash(m: FeatureMatrix): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ features: m.features, classes: m.classes }));
  h.update(new Uint8Array(m.X.buffer, m.X.byteOffset, m.X.byteLength));
  h.update(new Uint8Array(m.y.buffer, m.y.byteOffset, m.y.byteLength));
  return h.digest('hex');
}
