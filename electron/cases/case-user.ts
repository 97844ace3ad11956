import { userInfo } from 'node:os';

/** Who acts on a case: the operating-system account, as the audit trail records it. */
export function currentUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}
