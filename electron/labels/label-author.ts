import { userInfo } from 'node:os';

/** Who labels: the account running Flowsight (provenance's "who"); userInfo throws where the account has no passwd entry (containers). */
export function labelAuthor(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
