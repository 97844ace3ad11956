import { describe, expect, it } from 'vitest';
import { complement, groupKFold, stratifiedKFold } from '../../../electron/learning/cv-splits';
import { classMetrics, confusionMatrix } from '../../../electron/learning/metrics';
import { SeededRandom } from '../../../electron/learning/seeded-random';

describe('cross-validation splits', () => {
  it('stratified k-fold deals every row once, each class spread evenly (±1), folds within one row of each other', () => {
    // 3 classes of 50, 31 and 7 rows.
    const y = Int32Array.from([...Array(50).fill(0), ...Array(31).fill(1), ...Array(7).fill(2)]);
    const folds = stratifiedKFold(y, 3, 5, new SeededRandom(3));
    expect(folds).toHaveLength(5);
    expect([...folds.flatMap((f) => [...f])].sort((a, b) => a - b)).toEqual([...Array(88).keys()]);
    const sizes = folds.map((f) => f.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    for (const [c, n] of [[0, 50], [1, 31], [2, 7]]) {
      const per = folds.map((f) => [...f].filter((r) => y[r] === c).length);
      expect(per.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.max(...per) - Math.min(...per)).toBeLessThanOrEqual(1);
    }
  });

  it('grouped k-fold never puts one group (capture) in two folds, and has at most one fold per group', () => {
    const groups = Int32Array.from([0, 0, 0, 1, 1, 2, 2, 2, 2, 3, 4, 4, 5, 5, 5, 5, 5, 5]);
    const folds = groupKFold(groups, 4)!;
    expect(folds).toHaveLength(4);
    const foldOfGroup = new Map<number, number>();
    folds.forEach((f, i) => f.forEach((r) => {
      expect(foldOfGroup.get(groups[r]) ?? i).toBe(i);
      foldOfGroup.set(groups[r], i);
    }));
    expect(foldOfGroup.size).toBe(6);
    expect(folds.reduce((a, f) => a + f.length, 0)).toBe(groups.length);
    expect(groupKFold(groups, 10)).toHaveLength(6);
    expect(groupKFold(new Int32Array(5), 5)).toBeNull(); // one capture: nothing to hold out
    expect([...complement(6, Int32Array.from([1, 4]))]).toEqual([0, 2, 3, 5]);
  });
});

describe('metrics', () => {
  it('computes precision, recall, F1 and macro-F1 as scikit-learn does (zero_division=0)', () => {
    const truth = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2];
    const pred = [0, 0, 0, 1, 1, 1, 0, 1, 1, 1];
    const cm = confusionMatrix(truth, pred, 3);
    expect(cm).toEqual([[3, 1, 0], [1, 2, 0], [0, 3, 0]]);
    const m = classMetrics(cm, ['a', 'b', 'c']);
    // sklearn.metrics.precision_recall_fscore_support on these lists.
    expect(m.perClass.map((c) => [c.precision, c.recall, c.support])).toEqual([[0.75, 0.75, 4], [2 / 6, 2 / 3, 3], [0, 0, 3]]);
    expect(m.perClass[0].f1).toBeCloseTo(0.75, 12);
    expect(m.perClass[1].f1).toBeCloseTo(4 / 9, 12);
    expect(m.perClass[2].f1).toBe(0);
    expect(m.macroF1).toBeCloseTo((0.75 + 4 / 9) / 3, 12);
    expect(m.accuracy).toBeCloseTo(0.5, 12);
  });
});
