import { createWriteStream } from 'node:fs';
import type { ModelFile } from '../../shared/domain/model';
import { audited } from '../cases/audit-log';
import type { CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { setAppliedModel } from '../cases/model-store';
import { clearPredictions, writePredictions } from '../cases/prediction-writer';
import type { FlowSelection } from '../investigate/flow-selection';
import { classifierOf } from './model-file';
import { PREDICTION_KEYS, predictFlows, selectionCount } from './predict-flows';

export interface ApplyOptions {
  /** Store predictions in the case under this model id (null: leave the case as it is). */
  writeAs: number | null;
  /** Also write one JSON line per flow here. */
  out?: string;
  selection?: FlowSelection;
  cancelled(): boolean;
  progress(done: number, total: number): void;
  /** Who applies, for the audit trail; default: the operating-system account. */
  user?: string;
}

/**
 * Predicts flows a batch at a time, writing each batch's predictions (and
 * JSON lines) as it goes. Writing, it first clears every prediction and
 * names no applied model until it is done; cancelled, it clears what it
 * wrote, so flows never hold a mix of two models' answers.
 */
export async function applyModel(db: CaseDb, model: ModelFile, o: ApplyOptions): Promise<{ flows: number; cancelled: boolean }> {
  const classifier = classifierOf(model);
  const total = selectionCount(db, o.selection);
  const out = o.out ? createWriteStream(o.out) : null;
  if (o.writeAs !== null) {
    // The case holds one model's predictions: the previous ones go first.
    setAppliedModel(db, null);
    clearPredictions(db);
  }
  let done = 0;
  let cancelled = false;
  try {
    for (const b of predictFlows(db, { classifier, features: model.features, classes: model.classes }, o.selection)) {
      if (o.cancelled()) {
        cancelled = true;
        break;
      }
      if (o.writeAs !== null) writePredictions(db, b.flows.map((f) => f[0] as number), b.prediction, b.confidence);
      if (out) {
        let text = '';
        b.flows.forEach((f, i) => {
          const line: Record<string, unknown> = {};
          PREDICTION_KEYS.forEach((k, j) => (line[k] = f[j]));
          line.prediction = b.prediction[i];
          line.confidence = b.confidence[i];
          text += `${JSON.stringify(line)}\n`;
        });
        if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      done += b.flows.length;
      o.progress(done, total);
    }
  } finally {
    if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  if (o.writeAs !== null) {
    // Written to the case: audited as `model.apply` (a cancelled apply clears its predictions, and says so).
    const modelId = o.writeAs;
    audited(db, { user: o.user ?? currentUser(), action: 'model.apply', params: { modelId, flows: cancelled ? 0 : done, selection: o.selection ?? null, cancelled } }, () => {
      if (cancelled) clearPredictions(db);
      else setAppliedModel(db, modelId);
    });
  }
  return { flows: done, cancelled };
}
