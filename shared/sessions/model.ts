import { z } from 'zod';
import { SessionVerdict } from './record';

/**
 * Session models trained on the case's labelled records. The evaluation has
 * the shape the flow classifiers' training reports (pooled k-fold confusion
 * matrix, per-class precision/recall/F1), so both read alike in the UI.
 */
export const SESSION_CLASSES = SessionVerdict.options;

export const ClassMetrics = z.object({
  class: SessionVerdict,
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  support: z.number().int().nonnegative(),
});
export type ClassMetrics = z.infer<typeof ClassMetrics>;

export const SessionEvaluation = z.object({
  kind: z.literal('stratified'),
  folds: z.number().int(),
  /** Rows: true class; columns: predicted class; both in SESSION_CLASSES order. Pooled over the folds. */
  confusion: z.array(z.array(z.number().int().nonnegative())),
  perClass: z.array(ClassMetrics),
  accuracy: z.number(),
  macroF1: z.number(),
});
export type SessionEvaluation = z.infer<typeof SessionEvaluation>;

export const SessionAlgorithm = z.enum(['logistic-regression']);

export const SessionTrainOptions = z
  .object({
    name: z.string().min(1).max(200).optional(),
    folds: z.number().int().min(2).max(20).default(5),
    seed: z.number().int().min(0).max(0xffffffff).default(1),
    /** L2 penalty on the standardised weights. */
    l2: z.number().min(0).max(1000).default(0.01),
    /** Make it the case's classifier once trained. */
    activate: z.boolean().default(true),
  })
  .strict();
export type SessionTrainOptions = z.input<typeof SessionTrainOptions>;

export const SessionModelSummary = z.object({
  id: z.number().int().positive(),
  /** `model:<id>`, as predictions name it. */
  classifier: z.string(),
  name: z.string(),
  algorithm: SessionAlgorithm,
  createdAt: z.number(),
  records: z.number().int().nonnegative(),
  normal: z.number().int().nonnegative(),
  suspicious: z.number().int().nonnegative(),
  evaluation: SessionEvaluation,
  /** The rule baseline scored on the same records, for comparison. */
  baseline: SessionEvaluation,
  /** Weights on the standardised features (positive pushes towards Suspicious). */
  weights: z.array(z.object({ feature: z.string(), weight: z.number() })),
  active: z.boolean(),
});
export type SessionModelSummary = z.infer<typeof SessionModelSummary>;

/** The classifier new predictions use: the baseline, or one of the case's models. */
export const ClassifierState = z.object({ active: z.string(), models: z.array(SessionModelSummary) });
export type ClassifierState = z.infer<typeof ClassifierState>;
