/**
 * Labelled rows ready for training: feature values row-major as float32
 * (NaN where a flow lacks a field), class indices, and the capture each row
 * came from (for grouped evaluation).
 */
export interface FeatureMatrix {
  rows: number;
  features: readonly string[];
  /** rows × features, row-major. */
  X: Float32Array;
  /** Class index per row, into `classes`. */
  y: Int32Array;
  classes: readonly string[];
  /** Evidence (capture file) id per row. */
  groups: Int32Array;
}

/** The matrix restricted to some rows, in the given order. */
export function takeRows(m: FeatureMatrix, rows: ArrayLike<number>): FeatureMatrix {
  const F = m.features.length;
  const X = new Float32Array(rows.length * F);
  const y = new Int32Array(rows.length);
  const groups = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    X.set(m.X.subarray(r * F, r * F + F), i * F);
    y[i] = m.y[r];
    groups[i] = m.groups[r];
  }
  return { rows: rows.length, features: m.features, X, y, classes: m.classes, groups };
}
