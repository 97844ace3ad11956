import type { Evaluation, TrainSettings } from '../../shared/domain/model';
import type { TrainContext } from './classifier';
import { complement, type Folds } from './cv-splits';
import { takeRows, type FeatureMatrix } from './feature-matrix';
import { fitClassifier } from './fit-classifier';
import { argmax, classMetrics, confusionMatrix } from './metrics';
import { SeededRandom } from './seeded-random';

/**
 * Trains on all folds but one and predicts the held-out fold, for each fold;
 * every row is predicted exactly once, by a model that never saw it, and the
 * metrics are computed on the pooled predictions.
 */
export function crossValidate(m: FeatureMatrix, folds: Folds, kind: Evaluation['kind'], s: TrainSettings, ctx: TrainContext, seed: number): Evaluation {
  const K = m.classes.length;
  const predicted = new Int32Array(m.rows);
  const notes: string[] = [];
  folds.forEach((test, i) => {
    const train = takeRows(m, complement(m.rows, test));
    const held = takeRows(m, test);
    const seen = new Set(train.y);
    const missing = m.classes.filter((_, k) => !seen.has(k) && held.y.includes(k));
    if (missing.length) notes.push(`fold ${i + 1}: ${missing.join(', ')} had no training flows, so its test flows could not be recognised`);
    const model = fitClassifier(train, s, {
      rng: new SeededRandom(seed + i + 1),
      checkCancelled: ctx.checkCancelled,
      progress: (f) => ctx.progress((i + f) / folds.length),
    });
    const { predicted: p } = argmax(model.predictProba(held.X, held.rows, m.features.length), held.rows, K);
    test.forEach((r, j) => (predicted[r] = p[j]));
  });
  const confusion = confusionMatrix(m.y, predicted, K);
  return { kind, folds: folds.length, confusion, ...classMetrics(confusion, m.classes), notes };
}
