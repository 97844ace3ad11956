import { baselineVerdict } from '../../shared/sessions/baseline';
import { SessionTrainOptions, SESSION_CLASSES, type SessionModelSummary } from '../../shared/sessions/model';
import type { SessionAttributes, SessionProtocol, SessionVerdict } from '../../shared/sessions/record';
import { audited } from '../cases/audit-log';
import type { CaseDb } from '../cases/case-db';
import { currentUser } from '../cases/case-user';
import { listSessionModels, saveSessionModel, setActiveClassifier } from '../cases/session-model-store';
import { fitLogistic, predictLogistic } from './logistic-regression';
import { SESSION_FEATURES, sessionFeatures } from './session-features';
import { classIndex, crossValidate, evaluationFrom } from './session-evaluation';

/** Training refused: too few labelled records, with the counts. */
export class SessionTrainingError extends Error {
  override readonly name = 'SessionTrainingError';
}

class Stopped extends Error {}

export interface TrainHooks {
  shouldStop?: () => boolean;
  onProgress?: (done: number, total: number, message: string) => void;
  /** Who trains, for the audit trail; default: the operating-system account. */
  user?: string;
}

interface LabelledRow {
  login_hour: number;
  session_duration: number;
  commands_count: number;
  failed_logins: number;
  protocol: SessionProtocol;
  typing_speed: number;
  label: SessionVerdict;
}

/**
 * Trains a session model on the case's labelled records: stratified k-fold
 * cross-validation first (pooled confusion matrix, per-class precision, recall
 * and F1), the rule baseline scored on the same records for comparison, then
 * the model fitted on all of them and stored. Returns null when cancelled.
 */
export function trainSessionModel(db: CaseDb, options: SessionTrainOptions, hooks: TrainHooks = {}): SessionModelSummary | null {
  const o = SessionTrainOptions.parse(options);
  const rows = db
    .prepare('SELECT login_hour, session_duration, commands_count, failed_logins, protocol, typing_speed, label FROM session_records WHERE label IS NOT NULL ORDER BY id')
    .all() as LabelledRow[];
  const attributes: SessionAttributes[] = rows.map((r) => ({
    loginHour: r.login_hour,
    sessionDuration: r.session_duration,
    commandsCount: r.commands_count,
    failedLogins: r.failed_logins,
    protocol: r.protocol,
    typingSpeed: r.typing_speed,
  }));
  const y = rows.map((r) => classIndex(r.label));
  const perClass = SESSION_CLASSES.map((_c, i) => y.filter((v) => v === i).length);
  if (perClass.some((n) => n < o.folds)) {
    throw new SessionTrainingError(
      `training needs at least ${o.folds} labelled records of each class (one per fold); the case has ${perClass[0]} Normal and ${perClass[1]} Suspicious. Import a CSV with a Label column.`,
    );
  }
  const x = attributes.map((a) => sessionFeatures(a));
  const steps = o.folds + 1;
  try {
    const evaluation = crossValidate(
      x,
      y,
      o.folds,
      o.seed,
      (train, labels) => {
        const m = fitLogistic(train, labels, { l2: o.l2 });
        return (row) => (predictLogistic(m, row) >= 0.5 ? 1 : 0);
      },
      (done) => {
        if (hooks.shouldStop?.()) throw new Stopped();
        hooks.onProgress?.(done, steps, `Cross-validating (fold ${done} of ${o.folds})`);
      },
    );
    const baseline = SESSION_CLASSES.map(() => SESSION_CLASSES.map(() => 0));
    attributes.forEach((a, i) => baseline[y[i]][classIndex(baselineVerdict(a).prediction)]++);
    if (hooks.shouldStop?.()) throw new Stopped();
    hooks.onProgress?.(o.folds, steps, 'Fitting on all labelled records');
    const model = fitLogistic(x, y, { l2: o.l2 });
    const at = Date.now() / 1000;
    const name = o.name ?? `Logistic regression on ${rows.length} records`;
    const store = () => {
      const modelId = saveSessionModel(
        db,
        {
          name,
          options: o,
          parameters: model,
          summary: {
            algorithm: 'logistic-regression',
            records: rows.length,
            normal: perClass[0],
            suspicious: perClass[1],
            evaluation,
            baseline: evaluationFrom(baseline, 1),
            weights: SESSION_FEATURES.map((feature, j) => ({ feature, weight: model.weights[j] })),
          },
        },
        at,
      );
      if (o.activate) setActiveClassifier(db, `model:${modelId}`);
      return modelId;
    };
    const id = audited(
      db,
      (modelId: number) => ({
        user: hooks.user ?? currentUser(),
        action: 'session.train',
        params: { modelId, name, algorithm: 'logistic-regression', records: rows.length, normal: perClass[0], suspicious: perClass[1], options: o, activated: o.activate },
      }),
      store,
    );
    hooks.onProgress?.(steps, steps, 'Trained');
    return listSessionModels(db).find((m) => m.id === id)!;
  } catch (err) {
    if (err instanceof Stopped) return null;
    throw err;
  }
}
