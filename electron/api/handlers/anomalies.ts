import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ApiError } from '../../../shared/contract/errors';
import { latestCurve, latestRun, runPoints } from '../../analysis/kmeans/model-store';
import type { KMeansJobInput } from '../../jobs/kmeans-worker';
import { requireAnalysable } from '../analysis-guard';
import type { HandlerGroup } from '../handler';

function checkBaseline(path: string | null): void {
  if (path !== null && !existsSync(resolve(path))) throw new ApiError('not_found', `${resolve(path)}: no such baseline case`);
}

export const anomalyHandlers: HandlerGroup<'anomaly.train' | 'anomaly.suggestK' | 'anomaly.curves' | 'anomaly.results'> = {
  'anomaly.train': (params, s) => {
    const c = requireAnalysable(s, 'kmeans');
    checkBaseline(params.baseline);
    const input: KMeansJobInput = { casePath: c.path, nativeBinding: s.opts.nativeBinding, mode: 'detect', params };
    return { jobId: s.jobs.start('kmeans', 'kmeans-worker', input).jobId };
  },
  'anomaly.suggestK': (params, s) => {
    const c = requireAnalysable(s, 'kmeans');
    checkBaseline(params.baseline);
    const input: KMeansJobInput = { casePath: c.path, nativeBinding: s.opts.nativeBinding, mode: 'curves', params };
    return { jobId: s.jobs.start('kmeans', 'kmeans-worker', input).jobId };
  },
  'anomaly.curves': (_input, s) => latestCurve(s.requireCase().db),
  'anomaly.results': ({ limit }, s) => {
    const db = s.requireCase().db;
    const run = latestRun(db);
    if (!run) return { run: null, points: [], total: 0 };
    return { run, ...runPoints(db, run.id, limit) };
  },
};
