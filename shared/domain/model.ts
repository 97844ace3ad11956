import { z } from 'zod';
import { featureGroupIds } from './feature-groups';

/**
 * Classifiers trained on labelled flows, as stored in a case and as exported
 * to a file. The file format is validated on import, so everything a model
 * carries is described here.
 */
export const Algorithm = z.enum(['rf', 'gbt']);
export type Algorithm = z.infer<typeof Algorithm>;

/** App level: the part of an `app/activity` label before the slash; activity level: the whole label. */
export const LabelLevel = z.enum(['app', 'activity']);
export type LabelLevel = z.infer<typeof LabelLevel>;

export const FeatureGroupId = z.enum(featureGroupIds);

export const RfParams = z
  .object({
    trees: z.number().int().min(1).max(2000).default(100),
    maxDepth: z.number().int().min(1).max(64).default(24),
    minSamplesLeaf: z.number().int().min(1).max(100_000).default(1),
    /** Share of the features tried at each split; default √features / features. */
    featureFraction: z.number().gt(0).max(1).nullable().default(null),
    bins: z.number().int().min(2).max(255).default(255),
  })
  .strict();
export type RfParams = z.output<typeof RfParams>;

export const GbtParams = z
  .object({
    rounds: z.number().int().min(1).max(5000).default(100),
    learningRate: z.number().gt(0).max(1).default(0.1),
    maxDepth: z.number().int().min(1).max(16).default(6),
    /** Least hessian sum in a leaf (XGBoost's min_child_weight). */
    minChildWeight: z.number().min(0).default(1),
    /** L2 regularisation of leaf values (XGBoost's lambda). */
    l2: z.number().min(0).default(1),
    /** Share of rows each round sees. */
    subsample: z.number().gt(0).max(1).default(0.8),
    /** Share of features each tree sees. */
    colsample: z.number().gt(0).max(1).default(0.8),
    bins: z.number().int().min(2).max(255).default(255),
  })
  .strict();
export type GbtParams = z.output<typeof GbtParams>;

export const TrainOptions = z
  .object({
    name: z.string().min(1).max(200).optional(),
    level: LabelLevel,
    algorithm: Algorithm,
    groups: z.array(FeatureGroupId).min(1).default([...featureGroupIds]),
    rf: RfParams.default(RfParams.parse({})),
    gbt: GbtParams.default(GbtParams.parse({})),
    folds: z.number().int().min(2).max(20).default(5),
    /** `capture`: also evaluate with whole captures held out; `none`: stratified k-fold only. */
    groupBy: z.enum(['capture', 'none']).default('capture'),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    /** Only labelled flows matching this display filter are used. */
    filter: z.string().max(10_000).default(''),
    /** Classes with fewer flows are left out of training (and reported). */
    minClassFlows: z.number().int().min(1).default(2),
  })
  .strict();
export type TrainOptions = z.input<typeof TrainOptions>;
export type TrainSettings = z.output<typeof TrainOptions>;

export const ClassMetrics = z.object({
  class: z.string(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  support: z.number().int().nonnegative(),
});
export type ClassMetrics = z.infer<typeof ClassMetrics>;

export const Evaluation = z.object({
  kind: z.enum(['stratified', 'grouped']),
  /** Folds actually run (a grouped evaluation has at most one per capture). */
  folds: z.number().int(),
  /** Rows: true class; columns: predicted class; both in `classes` order. Pooled over the folds. */
  confusion: z.array(z.array(z.number().int().nonnegative())),
  perClass: z.array(ClassMetrics),
  accuracy: z.number(),
  /** Mean F1 over the classes that have flows. */
  macroF1: z.number(),
  /** E.g. classes absent from some training folds. */
  notes: z.array(z.string()),
});
export type Evaluation = z.infer<typeof Evaluation>;

export const SkippedEvaluation = z.object({ kind: z.enum(['stratified', 'grouped']), skipped: z.string() });
export type SkippedEvaluation = z.infer<typeof SkippedEvaluation>;

export const EvaluationResult = z.union([Evaluation, SkippedEvaluation]);
export type EvaluationResult = z.infer<typeof EvaluationResult>;

export const ModelMetrics = z.object({ stratified: EvaluationResult, grouped: EvaluationResult });
export type ModelMetrics = z.infer<typeof ModelMetrics>;

const int = z.number().int();

/** One tree as flat arrays: node i is a leaf when feature[i] is -1; `value` holds `outputs` numbers per node. */
export const TreeJson = z.object({
  feature: z.array(int.min(-1)),
  threshold: z.array(z.number()),
  missingLeft: z.array(z.union([z.literal(0), z.literal(1)])),
  left: z.array(int.min(-1)),
  right: z.array(int.min(-1)),
  value: z.array(z.number()),
});
export type TreeJson = z.infer<typeof TreeJson>;

export const ModelBody = z.discriminatedUnion('kind', [
  /** Random forest: each leaf holds class probabilities; a prediction averages the trees. */
  z.object({ kind: z.literal('forest'), trees: z.array(TreeJson).min(1) }),
  /** Gradient boosting: tree i adds its leaf value to class i mod K's score (learning rate folded in); softmax at the end. */
  z.object({ kind: z.literal('boosted'), baseScore: z.array(z.number()), trees: z.array(TreeJson).min(1) }),
]);
export type ModelBody = z.infer<typeof ModelBody>;

export const TrainingSetInfo = z.object({
  /** SHA-256 of the feature schema, the classes, every row's values and class. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  flows: int.nonnegative(),
  captures: int.nonnegative(),
  classCounts: z.record(z.string(), int.nonnegative()),
  /** Classes left out for having too few flows. */
  dropped: z.record(z.string(), int.nonnegative()).default({}),
});
export type TrainingSetInfo = z.infer<typeof TrainingSetInfo>;

export const MODEL_FORMAT = 'flowsight-model';
export const MODEL_FORMAT_VERSION = 1;

export const ModelFile = z.object({
  format: z.literal(MODEL_FORMAT),
  formatVersion: z.literal(MODEL_FORMAT_VERSION),
  name: z.string().min(1).max(200),
  algorithm: Algorithm,
  level: LabelLevel,
  createdAt: z.string(),
  params: z.record(z.string(), z.unknown()),
  seed: int.nonnegative(),
  features: z.array(z.string().min(1)).min(1),
  classes: z.array(z.string().min(1)).min(1),
  trainingSet: TrainingSetInfo,
  metrics: ModelMetrics,
  /** Gain-based importance per feature (sums to 1), in `features` order. */
  importance: z.array(z.number()),
  body: ModelBody,
});
export type ModelFile = z.infer<typeof ModelFile>;

/** A model as listed: everything but the trees. */
export const ModelSummary = z.object({
  id: int.positive(),
  name: z.string(),
  version: int.positive(),
  algorithm: Algorithm,
  level: LabelLevel,
  createdAt: z.string(),
  source: z.enum(['trained', 'imported']),
  features: int.nonnegative(),
  classes: z.array(z.string()),
  trainingSet: TrainingSetInfo,
  stratifiedMacroF1: z.number().nullable(),
  groupedMacroF1: z.number().nullable(),
  /** This model wrote the flows' current predictions. */
  applied: z.boolean(),
});
export type ModelSummary = z.infer<typeof ModelSummary>;

export const ModelDetail = ModelSummary.extend({
  params: z.record(z.string(), z.unknown()),
  seed: int.nonnegative(),
  featureNames: z.array(z.string()),
  importance: z.array(z.number()),
  metrics: ModelMetrics,
});
export type ModelDetail = z.infer<typeof ModelDetail>;
