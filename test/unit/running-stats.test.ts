import { describe, expect, it } from 'vitest';
import { RunningStats, STATS_STRIDE } from '../../electron/flows/running-stats';

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

  it('share one array without touching each other, and copy and reset only their own slice', () => {
    const store = new Float64Array(3 * STATS_STRIDE);
    const [a, b, c] = [0, 1, 2].map((i) => new RunningStats(store, i * STATS_STRIDE));
    for (const x of [3, 1, 2]) a.add(x);
    for (const x of [10, 30]) c.add(x);
    expect([a.n, a.min, a.max, a.sum, a.mean, a.variance]).toEqual([3, 1, 3, 6, 2, 1]);
    expect([b.n, b.min, b.max, b.sum, b.mean, b.variance]).toEqual([0, 0, 0, 0, 0, 0]);
    expect([c.n, c.min, c.max, c.sum, c.mean, c.variance]).toEqual([2, 10, 30, 40, 20, 200]);
    const own = new RunningStats().copyFrom(c);
    own.add(20);
    expect([own.n, own.mean, own.variance, c.n]).toEqual([3, 20, 100, 2]);
    b.copyFrom(a);
    a.reset();
    expect([a.n, b.n, b.max, c.max]).toEqual([0, 3, 3, 30]);
  });
});
