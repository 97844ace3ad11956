import { BASELINE_ID, baselineVerdict, type Verdict } from '../../shared/sessions/baseline';
import type { SessionAttributes } from '../../shared/sessions/record';
import { predictLogistic, type LogisticModel } from './logistic-regression';
import { sessionFeatures } from './session-features';

/**
 * What classifies a session: the rule baseline or a trained model. Everything
 * that predicts (imports, single scans, the REST API, traffic sessions) goes
 * through this interface, so another learner (the flow classifiers' tree
 * ensembles) can stand behind it without touching the callers.
 */
export interface SessionClassifier {
  /** BASELINE_ID, or `model:<id>`. */
  readonly id: string;
  classify(a: SessionAttributes): Verdict;
}

export const baselineClassifier: SessionClassifier = { id: BASELINE_ID, classify: baselineVerdict };

/** Confidences are stored and shown with four decimals. */
function round4(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

export function logisticClassifier(id: number, model: LogisticModel): SessionClassifier {
  const row = new Float64Array(model.weights.length);
  const classifier = `model:${id}`;
  return {
    id: classifier,
    classify(a) {
      const p = predictLogistic(model, sessionFeatures(a, row));
      const suspicious = p >= 0.5;
      return { prediction: suspicious ? 'Suspicious' : 'Normal', confidence: round4(suspicious ? p : 1 - p), classifier, reason: `p(Suspicious) = ${p.toFixed(3)}` };
    },
  };
}
