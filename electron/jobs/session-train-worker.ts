import { openCaseDb } from '../cases/case-db';
import { trainSessionModel } from '../fingerprint/train-session-model';
import type { SessionTrainOptions } from '../../shared/sessions/model';
import { runJob } from './job-worker';

export interface SessionTrainJobInput {
  casePath: string;
  options: SessionTrainOptions;
  nativeBinding?: string;
  /** Who started the job, for the audit trail; default: the operating-system account. */
  user?: string;
}

// Cross-validating and fitting a session model on the case's labelled records.
runJob<SessionTrainJobInput>(async (ctx) => {
  const { casePath, options, nativeBinding, user } = ctx.input;
  const db = openCaseDb(casePath, { nativeBinding });
  try {
    const model = trainSessionModel(db, options, { user, shouldStop: ctx.cancelled, onProgress: (done, total, message) => ctx.progress(done, total, message) });
    if (!model) return null;
    // The summary shows as counters ("29 records · 5 folds"): counts only.
    return { summary: { records: model.records, folds: model.evaluation.folds }, result: model };
  } finally {
    db.close();
  }
});
