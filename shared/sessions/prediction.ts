import { z } from 'zod';
import { SessionAttributes, SessionProtocol, SessionSource, SessionVerdict } from './record';

/** A stored prediction: its input (the record's attributes), output, confidence, classifier and time. */
export const SessionPrediction = SessionAttributes.extend({
  id: z.number().int().positive(),
  recordId: z.number().int().positive(),
  source: SessionSource,
  prediction: SessionVerdict,
  confidence: z.number().min(0).max(1),
  /** `baseline:rules-v1` or `model:<id>`. */
  classifier: z.string(),
  /** The baseline's indicators that fired, or the model's probability. */
  reason: z.string(),
  /** Epoch seconds. */
  createdAt: z.number(),
  label: SessionVerdict.nullable(),
  importId: z.number().int().nullable(),
  line: z.number().int().nullable(),
  flowId: z.number().int().nullable(),
});
export type SessionPrediction = z.infer<typeof SessionPrediction>;

/** Columns of the results table that can be sorted and filtered on (each is a SQL column). */
export const PredictionField = z.enum([
  'id',
  'createdAt',
  'source',
  'prediction',
  'confidence',
  'classifier',
  'reason',
  'loginHour',
  'sessionDuration',
  'commandsCount',
  'failedLogins',
  'protocol',
  'typingSpeed',
  'label',
  'importId',
  'line',
]);
export type PredictionField = z.infer<typeof PredictionField>;

export const PredictionCondition = z
  .object({
    field: PredictionField,
    op: z.enum(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'contains', 'startsWith']),
    value: z.union([z.string().max(500), z.number()]),
  })
  .strict();
export type PredictionCondition = z.infer<typeof PredictionCondition>;

/** Conditions all of which a prediction must meet. */
export const PredictionFilter = z.array(PredictionCondition).max(32).default([]);
export type PredictionFilter = z.input<typeof PredictionFilter>;

export const PredictionPageRequest = z
  .object({
    offset: z.number().int().nonnegative().default(0),
    limit: z.number().int().positive().max(10_000).default(100),
    sort: z.array(z.object({ field: PredictionField, dir: z.enum(['asc', 'desc']) }).strict()).max(4).default([]),
    filter: PredictionFilter,
  })
  .strict();
export type PredictionPageRequest = z.input<typeof PredictionPageRequest>;

export const PredictionPage = z.object({
  rows: z.array(SessionPrediction),
  /** Predictions matching the filter. */
  total: z.number().int().nonnegative(),
});
export type PredictionPage = z.infer<typeof PredictionPage>;

const Counts = z.object({ total: z.number().int().nonnegative(), normal: z.number().int().nonnegative(), suspicious: z.number().int().nonnegative() });

/** Totals over every stored prediction, over time, per protocol and per login hour. */
export const SessionAnalytics = Counts.extend({
  normalPercent: z.number(),
  suspiciousPercent: z.number(),
  /** Buckets of `interval` seconds by prediction time; `start` is the bucket's first second. */
  interval: z.number().positive(),
  overTime: z.array(Counts.extend({ start: z.number() })),
  byProtocol: z.array(Counts.extend({ protocol: SessionProtocol })),
  byHour: z.array(Counts.extend({ hour: z.number().int() })),
  byClassifier: z.array(Counts.extend({ classifier: z.string() })),
});
export type SessionAnalytics = z.infer<typeof SessionAnalytics>;

/** A share in percent with one decimal, as the seed's analytics report it (72.1). */
export function percentOf(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((1000 * part) / total) / 10;
}
