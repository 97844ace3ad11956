import { SESSION_CLASSES, type SessionEvaluation } from '../../shared/sessions/model';
import type { SessionVerdict } from '../../shared/sessions/record';

/** Class index in SESSION_CLASSES order (0 Normal, 1 Suspicious). */
export function classIndex(v: SessionVerdict): number {
  return v === 'Suspicious' ? 1 : 0;
}

/** Metrics from a confusion matrix (rows true, columns predicted). Precision of a class never predicted is 0. */
export function evaluationFrom(confusion: number[][], folds: number): SessionEvaluation {
  const total = confusion.flat().reduce((a, b) => a + b, 0);
  const perClass = SESSION_CLASSES.map((cls, c) => {
    const tp = confusion[c][c];
    const predicted = confusion.reduce((s, row) => s + row[c], 0);
    const support = confusion[c].reduce((a, b) => a + b, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = support ? tp / support : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    return { class: cls, precision, recall, f1, support };
  });
  const present = perClass.filter((m) => m.support > 0);
  return {
    kind: 'stratified',
    folds,
    confusion,
    perClass,
    accuracy: total ? SESSION_CLASSES.reduce((s, _c, i) => s + confusion[i][i], 0) / total : 0,
    macroF1: present.length ? present.reduce((s, m) => s + m.f1, 0) / present.length : 0,
  };
}

/** mulberry32: a small seeded generator, so folds are the same for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Stratified fold assignment: each class's rows are shuffled (seeded) and dealt
 * round-robin, so every fold holds each class in about the same share.
 */
export function stratifiedFolds(labels: readonly number[], k: number, seed: number): Int32Array {
  const random = seededRandom(seed);
  const fold = new Int32Array(labels.length);
  for (const cls of [0, 1]) {
    const rows = labels.flatMap((l, i) => (l === cls ? [i] : []));
    for (let i = rows.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [rows[i], rows[j]] = [rows[j], rows[i]];
    }
    rows.forEach((r, i) => (fold[r] = i % k));
  }
  return fold;
}

/**
 * k-fold cross-validation: `fit` trains on all folds but one and returns a
 * predictor of the class index; predictions on the held-out folds are pooled
 * into one confusion matrix. `onFold` may throw to stop (cancel).
 */
export function crossValidate<X>(rows: readonly X[], labels: readonly number[], k: number, seed: number, fit: (train: X[], trainLabels: number[]) => (x: X) => number, onFold?: (done: number) => void): SessionEvaluation {
  const fold = stratifiedFolds(labels, k, seed);
  const confusion = SESSION_CLASSES.map(() => SESSION_CLASSES.map(() => 0));
  for (let f = 0; f < k; f++) {
    const train: X[] = [];
    const trainLabels: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (fold[i] !== f) {
        train.push(rows[i]);
        trainLabels.push(labels[i]);
      }
    }
    const predict = fit(train, trainLabels);
    for (let i = 0; i < rows.length; i++) if (fold[i] === f) confusion[labels[i]][predict(rows[i])]++;
    onFold?.(f + 1);
  }
  return evaluationFrom(confusion, k);
}
