import type { IncomingMessage } from 'node:http';
import type { Session } from '../../api/session';

export interface RestRequest {
  req: IncomingMessage;
  url: URL;
  session: Session;
}

/** What a route answers: a status and a JSON body. */
export interface RestReply {
  status: number;
  body: unknown;
}

/** Zod issues as `field: message` lines. */
export function issueLines(issues: readonly { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`);
}
