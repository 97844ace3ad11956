import { createHash } from 'node:crypto';

/** The previous hash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditFields {
  seq: number;
  at: string;
  user: string;
  action: string;
  /** The parameters exactly as stored (JSON text): the hash covers these bytes, not a re-serialisation. */
  params: string;
  prevHash: string;
}

/** SHA-256 over the entry's fields and the previous hash, as one JSON array (unambiguous field boundaries). */
export function auditHash(e: AuditFields): string {
  return createHash('sha256').update(JSON.stringify([e.seq, e.at, e.user, e.action, e.params, e.prevHash])).digest('hex');
}
