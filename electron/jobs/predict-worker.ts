import { openCaseDb } from '../cases/case-db';
import { loadModel } from '../cases/model-store';
import type { FlowSelection } from '../investigate/flow-selection';
import { applyModel } from '../learning/apply-model';
import { readModelFile } from '../learning/model-file';
import { runJob } from './job-worker';

export interface PredictJobInput {
  casePath: string;
  /** A model stored in the case, or a model file (only to print predictions). */
  model: { id: number } | { path: string };
  /** Store the predictions in the case (the model, stored, becomes the applied one). */
  write: boolean;
  /** JSON lines of predictions, if wanted. */
  out?: string;
  selection?: FlowSelection;
  nativeBinding?: string;
  /** Who started the job, for the audit trail; default: the operating-system account. */
  user?: string;
}

// The case's writes are one short transaction per batch of 5,000 flows.
runJob<PredictJobInput>(async (ctx) => {
  const { casePath, model, write, out, selection, nativeBinding, user } = ctx.input;
  const db = openCaseDb(casePath, { readOnly: !write, nativeBinding });
  try {
    const file = 'id' in model ? loadModel(db, model.id) : readModelFile(model.path);
    const writeAs = write && 'id' in model ? model.id : null;
    const r = await applyModel(db, file, {
      writeAs,
      out,
      selection,
      user,
      cancelled: ctx.cancelled,
      progress: (done, total) => ctx.progress(done, total, 'Predicting flows', { flows: done }),
    });
    if (r.cancelled) return null;
    return { summary: { flows: r.flows, ...(writeAs !== null ? { model: writeAs } : {}) }, result: { flows: r.flows } };
  } finally {
    db.close();
  }
});
