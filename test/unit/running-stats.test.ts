import { describe, expect, it } from 'vitest';
import { RunningStats } from '../../electron/flows/running-stats';

function batch(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, variance, min: Math.min(...xs), max: Math.max(...xs) };
}

describe('running statistics', () => {
  it('match the batch formulas, including for large values close together', () => {
    for (const xs of [[5], [1, 2, 3, 4], [1514, 66, 66, 1514, 800], Array.from({ length: 1000 }, (_, i) => 60 + ((i * 7919) % 13) * 1e-6)]) {
      const s = new RunningStats();
      for (const x of xs) s.add(x);
      const b = batch(xs);
      expect(s.n).toBe(b.n);
      expect(s.min).toBe(b.min);
      expect(s.max).toBe(b.max);
      expect(s.mean).toBeCloseTo(b.mean, 12);
      // Beacon-like intervals (60 s ± microseconds): the variance keeps its digits.
      expect(s.variance / (b.variance || 1)).toBeCloseTo(b.variance ? 1 : 0, 9);
    }
  });
});
