import { BASELINE_ID } from '../../shared/sessions/baseline';
import type { CaseDb } from '../cases/case-db';
import { activeClassifierId, sessionModelParameters } from '../cases/session-model-store';
import type { LogisticModel } from './logistic-regression';
import { baselineClassifier, logisticClassifier, type SessionClassifier } from './session-classifier';

/** The case's classifier: its chosen model, or the rule baseline when none is trained or chosen. */
export function activeClassifier(db: CaseDb): SessionClassifier {
  const id = activeClassifierId(db);
  return id === BASELINE_ID ? baselineClassifier : classifierById(db, id);
}

/** `baseline:rules-v1` or `model:<id>`; an unknown id is an error, not a silent fallback. */
export function classifierById(db: CaseDb, id: string): SessionClassifier {
  if (id === BASELINE_ID) return baselineClassifier;
  const m = /^model:(\d+)$/.exec(id);
  const params = m ? (sessionModelParameters(db, Number(m[1])) as LogisticModel | null) : null;
  if (!m || !params) throw new UnknownClassifierError(id);
  return logisticClassifier(Number(m[1]), params);
}

export class UnknownClassifierError extends Error {
  override readonly name = 'UnknownClassifierError';
  constructor(readonly id: string) {
    super(`no session classifier ${JSON.stringify(id)} in this case (${BASELINE_ID} or model:<id>)`);
  }
}
