import { MODEL_FORMAT, MODEL_FORMAT_VERSION, type EvaluationResult, type ModelFile, type TrainSettings, type TrainingSetInfo } from '../../shared/domain/model';
import type { TrainContext } from './classifier';
import { crossValidate } from './cross-validate';
import { groupKFold, stratifiedKFold } from './cv-splits';
import type { FeatureMatrix } from './feature-matrix';
import { fitClassifier } from './fit-classifier';
import { SeededRandom } from './seeded-random';

export interface TrainProgress {
  /** 0–1 over the whole run. */
  fraction: number;
  phase: 'stratified' | 'grouped' | 'final';
}

/**
 * A whole training run: the stratified k-fold evaluation, the evaluation
 * with whole captures held out, then the model itself on every row. Each
 * phase draws from its own generator seeded from `s.seed`, so the final
 * model is the same whether or not the evaluations ran.
 */
export function trainModel(m: FeatureMatrix, s: TrainSettings, trainingSet: TrainingSetInfo, hooks: { progress(p: TrainProgress): void; checkCancelled(): void }, now = new Date()): ModelFile {
  const groupFolds = s.groupBy === 'capture' ? groupKFold(m.groups, s.folds) : null;
  const strat = stratifiedKFold(m.y, m.classes.length, s.folds, new SeededRandom(s.seed ^ 0x9e3779b9));
  // Work is roughly proportional to rows trained on; weigh the phases so.
  const weights = { stratified: strat.length - 1, grouped: groupFolds ? groupFolds.length - 1 : 0, final: 1 };
  const total = weights.stratified + weights.grouped + weights.final;
  let doneBefore = 0;
  const phaseCtx = (phase: TrainProgress['phase']): TrainContext => {
    const offset = doneBefore;
    doneBefore += weights[phase];
    return { rng: new SeededRandom(s.seed), checkCancelled: hooks.checkCancelled, progress: (f) => hooks.progress({ fraction: (offset + f * weights[phase]) / total, phase }) };
  };

  const stratified = crossValidate(m, strat, 'stratified', s, phaseCtx('stratified'), s.seed * 31 + 7);
  let grouped: EvaluationResult;
  if (s.groupBy === 'none') grouped = { kind: 'grouped', skipped: 'not asked for (group by: none)' };
  else if (!groupFolds) grouped = { kind: 'grouped', skipped: `all ${m.rows} labelled flows come from one capture; holding out whole captures needs labelled flows from two captures or more` };
  else grouped = crossValidate(m, groupFolds, 'grouped', s, phaseCtx('grouped'), s.seed * 31 + 1009);

  const model = fitClassifier(m, s, phaseCtx('final'));
  const params = s.algorithm === 'rf' ? s.rf : s.gbt;
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    name: s.name ?? `${s.level}-${s.algorithm}`,
    algorithm: s.algorithm,
    level: s.level,
    createdAt: now.toISOString(),
    params: { ...params },
    seed: s.seed,
    features: [...m.features],
    classes: [...m.classes],
    trainingSet,
    metrics: { stratified, grouped },
    importance: Array.from(model.importance()),
    body: model.toBody(),
  };
}
