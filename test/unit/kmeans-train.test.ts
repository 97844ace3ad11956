import { describe, expect, it } from 'vitest';
import { percentileOf, trainClusters } from '../../electron/analysis/kmeans/kmeans-train';
import { applyScaler, fitScaler } from '../../electron/analysis/kmeans/scaler';
import { scorePoints } from '../../electron/analysis/kmeans/score';

// Two square blobs: every point of a blob is at distance 1 from its centre.
const blobA = [[1, 0], [-1, 0], [0, 1], [0, -1]];
const blobB = blobA.map(([x, y]) => [x + 10, y + 10]);
const rule = { thresholdMode: 'sigma' as const, multiplier: 3, percentile: 99 };

describe('trainClusters', () => {
  it('finds the two blobs, with thresholds from their training distances', () => {
    const t = trainClusters([...blobA, ...blobB], 2, rule, { seed: 1, maxIterations: 100 })!;
    const centres = t.centroids.map((c) => c.map((v) => Math.round(v * 1e9) / 1e9)).sort((a, b) => a[0] - b[0]);
    expect(centres).toEqual([[0, 0], [10, 10]]);
    expect(t.sizes).toEqual([4, 4]);
    // All distances are 1: mean 1, std 0, so the threshold is 1 whatever the multiplier.
    expect(t.meanDistance.map((m) => Math.round(m * 1e9) / 1e9)).toEqual([1, 1]);
    expect(t.thresholds.map((m) => Math.round(m * 1e9) / 1e9)).toEqual([1, 1]);
  });

  it('scores a far point as an anomaly of its nearest cluster, naming the feature it differs in most', () => {
    const t = trainClusters([...blobA, ...blobB], 2, rule, { seed: 1, maxIterations: 100 })!;
    const [inside, far] = scorePoints([[0.5, 0.5], [0, 4]], t.centroids, t.thresholds, ['bytes', 'packets']);
    expect(inside.anomaly).toBe(false);
    expect(far).toMatchObject({ anomaly: true, topFeature: 'packets' });
    expect(far.distance).toBeCloseTo(4, 9);
    expect(far.cluster).toBe(inside.cluster);
  });

  it('refuses more clusters than points, and no points', () => {
    expect(() => trainClusters(blobA, 5, rule, { seed: 1, maxIterations: 10 })).toThrow('k = 5 is more than the 4 training points; choose k ≤ 4');
    expect(() => trainClusters([], 1, rule, { seed: 1, maxIterations: 10 })).toThrow('the baseline has no hosts to train on');
  });

  it('stops when cancelled', () => {
    expect(trainClusters([...blobA, ...blobB], 2, rule, { seed: 1, maxIterations: 100 }, { cancelled: () => true })).toBeNull();
  });
});

describe('percentileOf and the scalers', () => {
  it('interpolates percentiles linearly', () => {
    expect(percentileOf([4, 1, 3, 2], 100)).toBe(4);
    expect(percentileOf([4, 1, 3, 2], 50)).toBe(2.5);
    expect(percentileOf([], 99)).toBe(0);
  });

  it('standard scaling centres on the mean and divides by the population std; a constant column is left at scale 1', () => {
    const s = fitScaler([[1, 7], [3, 7]], 'none', 'standard');
    expect(s).toMatchObject({ center: [2, 7], scale: [1, 1] });
    expect(applyScaler(s, [[5, 9]])).toEqual([[3, 2]]);
  });

  it('robust scaling uses the median and the interquartile range, after log1p', () => {
    const rows = [0, 1, 2, 3, 4].map((v) => [Math.expm1(v)]);
    const s = fitScaler(rows, 'log1p', 'robust');
    expect(s.center[0]).toBeCloseTo(2, 12);
    expect(s.scale[0]).toBeCloseTo(2, 12);
  });
});
