import { ResultsQuery, type ResultsResponse, type RestError } from '../../../shared/contract/rest';
import type { PredictionCondition } from '../../../shared/sessions/prediction';
import { predictionPage } from '../../cases/session-queries';
import { issueLines, type RestReply, type RestRequest } from './rest-types';

/**
 * GET /api/results (seed Test 6): stored predictions with their inputs, newest
 * first, in pages (`page`, `per_page` ≤ 1000), optionally only one
 * `prediction`, `protocol` or `source`.
 */
export function results({ url, session }: RestRequest): RestReply {
  const params = Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'token'));
  const parsed = ResultsQuery.safeParse(params);
  if (!parsed.success) return { status: 400, body: { error: 'Invalid query', details: issueLines(parsed.error.issues) } satisfies RestError };
  const q = parsed.data;
  const filter: PredictionCondition[] = [];
  if (q.prediction) filter.push({ field: 'prediction', op: 'eq', value: q.prediction });
  if (q.protocol) filter.push({ field: 'protocol', op: 'eq', value: q.protocol });
  if (q.source) filter.push({ field: 'source', op: 'eq', value: q.source });
  const page = predictionPage(session.requireCase().db, { offset: (q.page - 1) * q.per_page, limit: q.per_page, filter });
  const body: ResultsResponse = {
    page: q.page,
    per_page: q.per_page,
    total: page.total,
    pages: Math.ceil(page.total / q.per_page),
    results: page.rows.map((p) => ({
      id: p.id,
      prediction: p.prediction,
      confidence: p.confidence,
      classifier: p.classifier,
      reason: p.reason,
      source: p.source,
      created_at: new Date(p.createdAt * 1000).toISOString(),
      login_hour: p.loginHour,
      session_duration: p.sessionDuration,
      commands_count: p.commandsCount,
      failed_logins: p.failedLogins,
      protocol: p.protocol,
      typing_speed: p.typingSpeed,
    })),
  };
  return { status: 200, body };
}
