import { z } from 'zod';
import { parseProtocol, SESSION_PROTOCOLS, SessionProtocol, SessionSource, SessionVerdict } from '../sessions/record';

/**
 * Serve mode's REST API for session fingerprinting, with seed 004's contract:
 * snake_case bodies, `{"error": ..., "details": [...]}` on rejection. It sits
 * behind the same per-run token and local-only checks as `/rpc/`.
 */

export const RestError = z.object({ error: z.string(), details: z.array(z.string()).optional() });
export type RestError = z.infer<typeof RestError>;

/** The message of a body that fails PredictRequest (the seed's wording). */
export const INVALID_INPUT = 'Invalid or missing input data';

export const HealthResponse = z.object({ status: z.literal('OK'), message: z.string() });
export type HealthResponse = z.infer<typeof HealthResponse>;

const protocolText = z
  .string()
  .max(100)
  .transform((p, ctx) => {
    const parsed = parseProtocol(p);
    if (parsed === null) {
      ctx.addIssue({ code: 'custom', message: `must be one of ${SESSION_PROTOCOLS.join(', ')}` });
      return z.NEVER;
    }
    return parsed;
  });

/** POST /api/predict: one session (seed Test 2). `commands` is the list of commands run; its length is the count. */
export const PredictRequest = z
  .object({
    login_time: z.string().regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'must be HH:MM between 00:00 and 23:59'),
    session_duration: z.number().finite().min(0).max(1e7),
    commands: z.array(z.string().max(10_000)).max(100_000),
    failed_logins: z.number().int().min(0).max(1e9),
    protocol: protocolText,
    typing_speed: z.number().finite().min(0).max(1e6),
  })
  .strict();
export type PredictRequest = z.input<typeof PredictRequest>;

export const PredictResponse = z.object({
  prediction: SessionVerdict,
  confidence: z.number().min(0).max(1),
  /** The stored prediction's id (GET /api/results lists it). */
  id: z.number().int().positive(),
  classifier: z.string(),
  reason: z.string(),
});
export type PredictResponse = z.infer<typeof PredictResponse>;

/** POST /api/predict-csv (multipart, field `file`): counts over the imported rows, rejected rows by line. */
export const PredictCsvResponse = z.object({
  total_records: z.number().int().nonnegative(),
  normal_users: z.number().int().nonnegative(),
  suspicious_users: z.number().int().nonnegative(),
  rejected_records: z.number().int().nonnegative(),
  errors: z.array(z.object({ line: z.number().int().positive(), reason: z.string() })),
  errors_truncated: z.boolean(),
  import_id: z.number().int().positive(),
  classifier: z.string(),
});
export type PredictCsvResponse = z.infer<typeof PredictCsvResponse>;

export const AnalyticsResponse = z.object({
  total_predictions: z.number().int().nonnegative(),
  normal_users: z.number().int().nonnegative(),
  suspicious_users: z.number().int().nonnegative(),
  normal_percent: z.number(),
  suspicious_percent: z.number(),
});
export type AnalyticsResponse = z.infer<typeof AnalyticsResponse>;

/** GET /api/results query: 1-based pages, newest first, optional equality filters. */
export const ResultsQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    per_page: z.coerce.number().int().min(1).max(1000).default(50),
    prediction: SessionVerdict.optional(),
    protocol: protocolText.optional(),
    source: SessionSource.optional(),
  })
  .strict();

export const ResultRow = z.object({
  id: z.number().int().positive(),
  prediction: SessionVerdict,
  confidence: z.number(),
  classifier: z.string(),
  reason: z.string(),
  source: SessionSource,
  /** ISO 8601, UTC. */
  created_at: z.string(),
  login_hour: z.number().int(),
  session_duration: z.number(),
  commands_count: z.number().int(),
  failed_logins: z.number().int(),
  protocol: SessionProtocol,
  typing_speed: z.number(),
});
export type ResultRow = z.infer<typeof ResultRow>;

export const ResultsResponse = z.object({
  page: z.number().int(),
  per_page: z.number().int(),
  total: z.number().int().nonnegative(),
  pages: z.number().int().nonnegative(),
  results: z.array(ResultRow),
});
export type ResultsResponse = z.infer<typeof ResultsResponse>;

/** The routes, for the router and the README. */
export const REST_ROUTES = [
  { method: 'GET', path: '/health' },
  { method: 'POST', path: '/api/predict' },
  { method: 'POST', path: '/api/predict-csv' },
  { method: 'GET', path: '/api/analytics' },
  { method: 'GET', path: '/api/results' },
] as const;
