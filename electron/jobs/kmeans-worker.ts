import type { AnomalyParams, CurveParams } from '../../shared/domain/anomaly';
import { computeCurves, trainAndDetect } from '../analysis/kmeans/run-kmeans';
import { openCaseDb } from '../cases/case-db';
import { runJob } from './job-worker';

export type KMeansJobInput = { casePath: string; nativeBinding?: string } & ({ mode: 'detect'; params: AnomalyParams } | { mode: 'curves'; params: CurveParams });

// Training, scoring and the k curves are CPU-bound: a worker keeps the UI and the API responsive.
runJob<KMeansJobInput>(async (ctx): Promise<{ summary: Record<string, number>; result?: unknown } | null> => {
  const input = ctx.input;
  const db = openCaseDb(input.casePath, { nativeBinding: input.nativeBinding });
  const hooks = { cancelled: ctx.cancelled, progress: ctx.progress, nativeBinding: input.nativeBinding };
  try {
    if (input.mode === 'curves') {
      const c = computeCurves(db, input.casePath, input.params, hooks);
      return c ? { summary: { points: c.points, suggested_k: c.suggestedK } } : null;
    }
    const r = trainAndDetect(db, input.casePath, input.params, hooks);
    if (!r) return null;
    const anomalies = r.scores.filter((s) => s.anomaly).length;
    // The scored rows go back to the owner (the CLI prints them); the case holds them too.
    return {
      summary: { points: r.keys.length, anomalies, training_points: r.trainingPoints },
      result: { modelId: r.modelId, runId: r.runId, rows: r.keys.map((k, i) => ({ ...k, ...r.scores[i] })) },
    };
  } finally {
    db.close();
  }
});
