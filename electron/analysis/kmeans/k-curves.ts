import { kmeans } from 'ml-kmeans';
import { euclidean } from './distance';
import { sampleIndexes } from './sample';

/** Points the elbow curve clusters at most, and the silhouette measures at most (it is quadratic). */
export const ELBOW_SAMPLE = 5000;
export const SILHOUETTE_SAMPLE = 2000;

export interface Curves {
  ks: number[];
  inertia: number[];
  silhouette: number[];
  sampled: number;
  /** The k with the highest mean silhouette. */
  suggestedK: number;
}

/**
 * Elbow and silhouette curves for k = 2…kMax, on a seeded sample for big
 * inputs: inertia is the within-cluster sum of squared distances; the
 * silhouette of a point is (b − a) / max(a, b), a its mean distance to its
 * own cluster, b to the nearest other one. Returns null when cancelled.
 */
export function kCurves(points: number[][], kMax: number, seed: number, hooks: { cancelled?: () => boolean; progress?: (k: number, kMax: number) => void } = {}): Curves | null {
  const sample = sampleIndexes(points.length, ELBOW_SAMPLE, seed).map((i) => points[i]);
  const silIdx = sampleIndexes(sample.length, SILHOUETTE_SAMPLE, seed + 1);
  const ks: number[] = [];
  const inertia: number[] = [];
  const silhouette: number[] = [];
  for (let k = 2; k <= Math.min(kMax, sample.length - 1); k++) {
    if (hooks.cancelled?.()) return null;
    const r = kmeans(sample, k, { initialization: 'kmeans++', seed, maxIterations: 100 });
    let sse = 0;
    sample.forEach((p, i) => (sse += euclidean(p, r.centroids[r.clusters[i]]) ** 2));
    ks.push(k);
    inertia.push(sse);
    silhouette.push(meanSilhouette(silIdx.map((i) => sample[i]), silIdx.map((i) => r.clusters[i]), k));
    hooks.progress?.(k, kMax);
  }
  let best = 0;
  silhouette.forEach((s, i) => (s > silhouette[best] ? (best = i) : undefined));
  return { ks, inertia, silhouette, sampled: sample.length, suggestedK: ks[best] ?? 1 };
}

function meanSilhouette(points: number[][], labels: number[], k: number): number {
  const n = points.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sum = new Array<number>(k).fill(0);
    const count = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      sum[labels[j]] += euclidean(points[i], points[j]);
      count[labels[j]]++;
    }
    const own = labels[i];
    // A point alone in its cluster has silhouette 0 by convention.
    if (count[own] === 0) continue;
    const a = sum[own] / count[own];
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && count[c] > 0) b = Math.min(b, sum[c] / count[c]);
    if (b === Infinity) continue;
    const m = Math.max(a, b);
    total += m > 0 ? (b - a) / m : 0;
  }
  return n ? total / n : 0;
}
