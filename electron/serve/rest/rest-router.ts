import type { IncomingMessage, ServerResponse } from 'node:http';
import { REST_ROUTES, type RestError } from '../../../shared/contract/rest';
import { ApiError } from '../../../shared/contract/errors';
import type { Session } from '../../api/session';
import { CsvFileError } from '../../fingerprint/csv-file-error';
import { sendJson } from '../http-io';
import { analytics } from './analytics';
import { health } from './health';
import { predict } from './predict';
import { predictCsv } from './predict-csv';
import { results } from './results';
import type { RestReply, RestRequest } from './rest-types';

type Route = (r: RestRequest) => Promise<RestReply> | RestReply;

const ROUTES: Record<(typeof REST_ROUTES)[number]['path'], { method: string; run: Route }> = {
  '/health': { method: 'GET', run: health },
  '/api/predict': { method: 'POST', run: predict },
  '/api/predict-csv': { method: 'POST', run: predictCsv },
  '/api/analytics': { method: 'GET', run: analytics },
  '/api/results': { method: 'GET', run: results },
};

export function isRestPath(pathname: string): boolean {
  return pathname === '/health' || pathname === '/api' || pathname.startsWith('/api/');
}

const STATUS: Partial<Record<ApiError['code'], number>> = { no_case: 409, not_found: 404, conflict: 409, forbidden: 403, read_only: 409, bad_input: 400, invalid_request: 400 };

/**
 * The seed's REST API (GET /health, POST /api/predict, POST /api/predict-csv,
 * GET /api/analytics, GET /api/results). Reached only after serve mode's token
 * and Host/Origin checks. Errors answer `{"error": ..., "details": [...]}`.
 */
export async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, session: Session): Promise<void> {
  const route = ROUTES[url.pathname as keyof typeof ROUTES];
  if (!route) {
    req.resume();
    sendJson(res, 404, { error: `no endpoint ${url.pathname}`, details: REST_ROUTES.map((r) => `${r.method} ${r.path}`) } satisfies RestError);
    return;
  }
  if (req.method !== route.method && !(route.method === 'GET' && req.method === 'HEAD')) {
    req.resume();
    res.setHeader('allow', route.method);
    sendJson(res, 405, { error: `use ${route.method} for ${url.pathname}` } satisfies RestError);
    return;
  }
  try {
    const reply = await route.run({ req, url, session });
    sendJson(res, reply.status, reply.body);
  } catch (err) {
    if (err instanceof ApiError) {
      sendJson(res, STATUS[err.code] ?? 500, { error: err.message, ...(err.details ? { details: err.details } : {}) } satisfies RestError);
    } else if (err instanceof CsvFileError) {
      sendJson(res, 400, { error: err.message, details: err.details } satisfies RestError);
    } else {
      session.log.log('error', 'rest.failed', { path: url.pathname, error: err instanceof Error ? err.stack : String(err) });
      sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) } satisfies RestError);
    }
  }
}
