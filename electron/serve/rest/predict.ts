import { INVALID_INPUT, PredictRequest, type PredictResponse, type RestError } from '../../../shared/contract/rest';
import { recordSession } from '../../fingerprint/record-session';
import { readJson } from '../http-io';
import { issueLines, type RestReply, type RestRequest } from './rest-types';

/**
 * POST /api/predict (seed Tests 2 and 3): one session in the seed's JSON shape.
 * `commands` is the list of commands run (its length is the count); the hour of
 * `login_time` is the login hour. The record and its prediction are stored.
 */
export async function predict({ req, session }: RestRequest): Promise<RestReply> {
  let body: unknown;
  try {
    body = await readJson(req);
  } catch (err) {
    return { status: 400, body: { error: INVALID_INPUT, details: [(err as Error).message] } satisfies RestError };
  }
  const parsed = PredictRequest.safeParse(body);
  if (!parsed.success) return { status: 400, body: { error: INVALID_INPUT, details: issueLines(parsed.error.issues) } satisfies RestError };
  const c = session.requireWritableCase();
  const b = parsed.data;
  const record = {
    source: 'api' as const,
    loginHour: Number(b.login_time.split(':')[0]),
    sessionDuration: b.session_duration,
    commandsCount: b.commands.length,
    commands: b.commands,
    failedLogins: b.failed_logins,
    protocol: b.protocol,
    typingSpeed: b.typing_speed,
  };
  const p = recordSession(c.db, record, undefined, session.user);
  session.emit('case.changed', { reason: 'sessions' });
  const reply: PredictResponse = { prediction: p.prediction, confidence: p.confidence, id: p.id, classifier: p.classifier, reason: p.reason };
  return { status: 200, body: reply };
}
