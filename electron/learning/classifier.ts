import type { ModelBody } from '../../shared/domain/model';
import type { BinnedData } from './bin-mapper';
import type { SeededRandom } from './seeded-random';

/**
 * What every algorithm gives once trained: class probabilities for rows of
 * raw feature values, gain-based importance per feature, and its body for
 * the model file. Algorithms sit behind this, so one can be swapped for
 * another (a WebAssembly XGBoost, k-NN) without touching evaluation,
 * storage or the UI.
 */
export interface Classifier {
  readonly classes: number;
  /** rows × classes probabilities for row-major X (rows × features). */
  predictProba(X: Float32Array, rows: number, features: number): Float64Array;
  /** Importance per feature, summing to 1 (all zero when no split was made). */
  importance(): Float64Array;
  toBody(): ModelBody;
}

/** What a training run may report and check. */
export interface TrainContext {
  rng: SeededRandom;
  /** Fraction of this fit done, 0–1. */
  progress(fraction: number): void;
  /** Throws (JobCancelled) when the job was cancelled; called between trees. */
  checkCancelled(): void;
}

export interface TrainingRows {
  data: BinnedData;
  y: Int32Array;
  classes: number;
}

export function normaliseImportance(v: Float64Array): Float64Array {
  let s = 0;
  for (const x of v) s += x;
  if (s > 0) for (let i = 0; i < v.length; i++) v[i] /= s;
  return v;
}
