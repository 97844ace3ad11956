import { kmeansGenerator, type kmeans } from 'ml-kmeans';
import { ApiError } from '../../../shared/contract/errors';
import { nearest } from './distance';

export interface ThresholdRule {
  thresholdMode: 'sigma' | 'percentile';
  multiplier: number;
  percentile: number;
}

export interface TrainedClusters {
  centroids: number[][];
  /** Per cluster: the distance beyond which a point is an anomaly. */
  thresholds: number[];
  /** Per cluster: training points, and their distances' mean and standard deviation. */
  sizes: number[];
  meanDistance: number[];
  stdDistance: number[];
  iterations: number;
}

export interface TrainHooks {
  cancelled?: () => boolean;
  progress?: (iteration: number, maxIterations: number) => void;
}

/**
 * K-Means on scaled training points (ml-kmeans, k-means++ seeded, so the
 * same input and seed give the same model), then each cluster's threshold
 * from its own training distances (seed 001): mean + m·std, or a percentile.
 * Returns null when cancelled between iterations.
 */
export function trainClusters(points: number[][], k: number, rule: ThresholdRule, opts: { seed: number; maxIterations: number }, hooks: TrainHooks = {}): TrainedClusters | null {
  if (points.length === 0) throw new ApiError('bad_input', 'the baseline has no hosts to train on (no flows with a source address)');
  if (k > points.length) throw new ApiError('bad_input', `k = ${k} is more than the ${points.length} training points; choose k ≤ ${points.length}`);
  let last: ReturnType<typeof kmeans> | undefined;
  for (const step of kmeansGenerator(points, k, { initialization: 'kmeans++', seed: opts.seed, maxIterations: opts.maxIterations })) {
    if (hooks.cancelled?.()) return null;
    last = step;
    hooks.progress?.(step.iterations, opts.maxIterations);
  }
  // ml-kmeans leaves a centroid that lost all its points as NaN; such a cluster takes no points.
  const centroids = last!.centroids.map((c) => (c.every(Number.isFinite) ? c : c.map(() => Infinity)));
  const byCluster: number[][] = centroids.map(() => []);
  for (const p of points) {
    const n = nearest(p, centroids);
    byCluster[n.cluster].push(n.distance);
  }
  const meanDistance = byCluster.map((d) => (d.length ? d.reduce((a, b) => a + b, 0) / d.length : 0));
  const stdDistance = byCluster.map((d, c) => (d.length ? Math.sqrt(d.reduce((a, b) => a + (b - meanDistance[c]) ** 2, 0) / d.length) : 0));
  const thresholds = byCluster.map((d, c) => (rule.thresholdMode === 'sigma' ? meanDistance[c] + rule.multiplier * stdDistance[c] : percentileOf(d, rule.percentile)));
  return { centroids, thresholds, sizes: byCluster.map((d) => d.length), meanDistance, stdDistance, iterations: last!.iterations };
}

/** The p-th percentile (0–100) by linear interpolation; 0 for no values. */
export function percentileOf(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const pos = ((s.length - 1) * p) / 100;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
