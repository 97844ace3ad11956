import type { HostFeatureName } from '../../../shared/domain/anomaly';
import { nearest } from './distance';

export interface Score {
  cluster: number;
  distance: number;
  threshold: number;
  anomaly: boolean;
  topFeature: HostFeatureName;
}

/**
 * Scores scaled points against trained centroids: the nearest centroid, the
 * distance to it, that cluster's threshold, and the feature that contributes
 * most (the largest scaled difference from the centroid), which says why a
 * host stands out.
 */
export function scorePoints(points: number[][], centroids: number[][], thresholds: number[], features: HostFeatureName[]): Score[] {
  return points.map((p) => {
    const { cluster, distance } = nearest(p, centroids);
    const c = centroids[cluster];
    let top = 0;
    for (let j = 1; j < p.length; j++) if (Math.abs(p[j] - c[j]) > Math.abs(p[top] - c[top])) top = j;
    return { cluster, distance, threshold: thresholds[cluster], anomaly: distance > thresholds[cluster], topFeature: features[top] };
  });
}
