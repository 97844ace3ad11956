import type { ClassMetrics } from '../../shared/domain/model';

/** Rows: true class, columns: predicted class. */
export function confusionMatrix(truth: ArrayLike<number>, predicted: ArrayLike<number>, K: number): number[][] {
  const m = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  for (let i = 0; i < truth.length; i++) m[truth[i]][predicted[i]]++;
  return m;
}

/**
 * Per-class precision, recall and F1 from a confusion matrix; a ratio with
 * nothing to divide by is 0 (scikit-learn's zero_division=0). Macro-F1 is
 * the mean F1 of the classes that have true rows, so a class the
 * evaluation never saw does not count as a failure.
 */
export function classMetrics(confusion: number[][], classes: readonly string[]): { perClass: ClassMetrics[]; accuracy: number; macroF1: number } {
  const K = classes.length;
  let correct = 0;
  let total = 0;
  const perClass: ClassMetrics[] = [];
  for (let k = 0; k < K; k++) {
    let predicted = 0;
    let support = 0;
    for (let j = 0; j < K; j++) {
      predicted += confusion[j][k];
      support += confusion[k][j];
    }
    const tp = confusion[k][k];
    correct += tp;
    total += support;
    const precision = predicted > 0 ? tp / predicted : 0;
    const recall = support > 0 ? tp / support : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    perClass.push({ class: classes[k], precision, recall, f1, support });
  }
  const present = perClass.filter((c) => c.support > 0);
  return {
    perClass,
    accuracy: total > 0 ? correct / total : 0,
    macroF1: present.length > 0 ? present.reduce((a, c) => a + c.f1, 0) / present.length : 0,
  };
}

/** The most probable class per row (the lowest index on a tie) and its probability. */
export function argmax(proba: Float64Array, rows: number, K: number): { predicted: Int32Array; confidence: Float64Array } {
  const predicted = new Int32Array(rows);
  const confidence = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let k = 1; k < K; k++) if (proba[r * K + k] > proba[r * K + best]) best = k;
    predicted[r] = best;
    // Summed tree votes can overshoot 1 by a rounding error; a probability cannot.
    confidence[r] = Math.min(1, proba[r * K + best]);
  }
  return { predicted, confidence };
}
