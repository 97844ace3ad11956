import type { HealthResponse } from '../../../shared/contract/rest';
import type { RestReply, RestRequest } from './rest-types';

/** GET /health (seed Test 1): the server answers; says which case predictions go to. */
export function health({ session }: RestRequest): RestReply {
  const path = session.openCasePath;
  const body: HealthResponse = { status: 'OK', message: path ? `Flowsight is running; predictions are stored in ${path}` : 'Flowsight is running; no case is open' };
  return { status: 200, body };
}
