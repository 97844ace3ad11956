import type { AnalyticsResponse } from '../../../shared/contract/rest';
import { sessionAnalytics } from '../../cases/session-queries';
import type { RestReply, RestRequest } from './rest-types';

/** GET /api/analytics (seed Test 5): totals over every stored prediction, percentages with one decimal. */
export function analytics({ session }: RestRequest): RestReply {
  const a = sessionAnalytics(session.requireCase().db);
  const body: AnalyticsResponse = {
    total_predictions: a.total,
    normal_users: a.normal,
    suspicious_users: a.suspicious,
    normal_percent: a.normalPercent,
    suspicious_percent: a.suspiciousPercent,
  };
  return { status: 200, body };
}
