import { resolve } from 'node:path';
import type { AnomalyParams, CurveParams, FeatureParams } from '../../../shared/domain/anomaly';
import type { z } from 'zod';
import type { CaseDb } from '../../cases/case-db';
import { openBaselineCase } from './baseline-case';
import { hostFeatureMatrix, type FeatureMatrix, type HostKey } from './host-features';
import { kCurves } from './k-curves';
import { trainClusters } from './kmeans-train';
import { saveCurve, saveModel, saveRun } from './model-store';
import { fitPca, project } from './pca';
import { applyScaler, fitScaler } from './scaler';
import { scorePoints, type Score } from './score';

export interface KMeansHooks {
  cancelled: () => boolean;
  progress: (done: number, total: number, message: string, counters?: Record<string, number>) => void;
  nativeBinding?: string;
}

export interface DetectResult {
  modelId: number;
  runId: number;
  trainingPoints: number;
  keys: HostKey[];
  scores: Score[];
}

type Features = z.output<typeof FeatureParams>;

/** The baseline's matrix: this case's, or another case file's (opened read-only). */
function baselineMatrix(target: CaseDb, targetPath: string, p: Features, nativeBinding?: string): { matrix: FeatureMatrix; path: string } {
  if (p.baseline === null || resolve(p.baseline) === resolve(targetPath)) return { matrix: hostFeatureMatrix(target, p.features, p.window), path: resolve(targetPath) };
  const db = openBaselineCase(resolve(p.baseline), nativeBinding);
  try {
    return { matrix: hostFeatureMatrix(db, p.features, p.window), path: resolve(p.baseline) };
  } finally {
    db.close();
  }
}

/**
 * Trains a model on the baseline, scores every host (or host-window) of the
 * target case with it, projects them on two principal components, and stores
 * the model and the run in the target case. Returns null when cancelled;
 * nothing is stored then.
 */
export function trainAndDetect(db: CaseDb, casePath: string, p: AnomalyParams, hooks: KMeansHooks): DetectResult | null {
  hooks.progress(0, 1, 'Computing host features');
  const base = baselineMatrix(db, casePath, p, hooks.nativeBinding);
  const scaler = fitScaler(base.matrix.rows, p.transform, p.scaling);
  const trained = trainClusters(applyScaler(scaler, base.matrix.rows), p.k, p, { seed: p.seed, maxIterations: p.maxIterations }, {
    cancelled: hooks.cancelled,
    progress: (it, max) => hooks.progress(it, max, 'Training K-Means', { points: base.matrix.rows.length, iteration: it }),
  });
  if (!trained) return null;
  const target = base.path === resolve(casePath) ? base.matrix : hostFeatureMatrix(db, p.features, p.window);
  if (hooks.cancelled()) return null;
  hooks.progress(0, 1, 'Scoring hosts', { points: target.rows.length });
  const scaled = applyScaler(scaler, target.rows);
  const scores = scorePoints(scaled, trained.centroids, trained.thresholds, p.features);
  const pca = fitPca(scaled);
  const xy = scaled.map((s) => project(pca, s));
  const centroids = trained.centroids
    .map((c, cluster) => ({ c, cluster }))
    .filter(({ c }) => c.every(Number.isFinite))
    .map(({ c, cluster }) => {
      const [x, y] = project(pca, c);
      return { cluster, x, y, size: trained.sizes[cluster], threshold: trained.thresholds[cluster] };
    });
  const modelId = saveModel(db, base.path, p, { ...trained, features: p.features, scaler }, base.matrix.rows.length);
  const runId = saveRun(db, modelId, target.keys, target.rows, scores, xy, p.features, { centroids, explained: pca.explained });
  const anomalies = scores.filter((s) => s.anomaly).length;
  hooks.progress(1, 1, 'Stored', { points: target.rows.length, anomalies });
  return { modelId, runId, trainingPoints: base.matrix.rows.length, keys: target.keys, scores };
}

/** Elbow and silhouette curves on the baseline's scaled features; stored in the case for the view. */
export function computeCurves(db: CaseDb, casePath: string, p: CurveParams, hooks: KMeansHooks): { points: number; suggestedK: number } | null {
  hooks.progress(0, 1, 'Computing host features');
  const base = baselineMatrix(db, casePath, p, hooks.nativeBinding);
  const scaled = applyScaler(fitScaler(base.matrix.rows, p.transform, p.scaling), base.matrix.rows);
  const curves = kCurves(scaled, p.kMax, p.seed, { cancelled: hooks.cancelled, progress: (k, kMax) => hooks.progress(k, kMax, `Clustering with k = ${k}`, { points: scaled.length }) });
  if (!curves) return null;
  saveCurve(db, p, { ...curves, points: scaled.length });
  return { points: scaled.length, suggestedK: curves.suggestedK };
}
