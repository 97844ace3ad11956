import { writeFileSync } from 'node:fs';
import { openCaseDb } from '../cases/case-db';
import { saveModel } from '../cases/model-store';
import type { TrainSettings } from '../../shared/domain/model';
import { filterSelection } from '../investigate/filter-selection';
import { loadTrainingSet } from '../learning/training-set';
import { trainModel } from '../learning/train-model';
import { JobCancelled, runJob } from './job-worker';

export interface TrainJobInput {
  casePath: string;
  settings: TrainSettings;
  /** Also write the model file here. */
  out?: string;
  nativeBinding?: string;
}

export interface TrainJobResult {
  modelId: number;
}

const PHASE: Record<string, string> = { stratified: 'Stratified k-fold evaluation', grouped: 'Evaluation by capture', final: 'Training the model' };

// Training reads the labelled flows once, works on its own copy, and writes the model in one short transaction.
runJob<TrainJobInput>(async (ctx) => {
  const { casePath, settings, out, nativeBinding } = ctx.input;
  const read = openCaseDb(casePath, { readOnly: true, nativeBinding });
  let loaded: ReturnType<typeof loadTrainingSet>;
  try {
    ctx.progress(0, 1000, 'Reading labelled flows');
    loaded = loadTrainingSet(read, settings, filterSelection(settings.filter, read));
  } finally {
    read.close();
  }
  const { matrix, info } = loaded;
  const counters = { flows: matrix.rows, classes: matrix.classes.length, features: matrix.features.length };
  let last = -1;
  const model = trainModel(matrix, settings, info, {
    progress: (p) => {
      const done = Math.round(p.fraction * 1000);
      if (done !== last) ctx.progress((last = done), 1000, PHASE[p.phase], counters);
    },
    checkCancelled: () => {
      if (ctx.cancelled()) throw new JobCancelled();
    },
  });
  const db = openCaseDb(casePath, { nativeBinding });
  let modelId: number;
  try {
    modelId = saveModel(db, model, 'trained');
  } finally {
    db.close();
  }
  if (out) writeFileSync(out, JSON.stringify(model));
  const result: TrainJobResult = { modelId };
  return { summary: { ...counters, model: modelId }, result };
});
