import { z } from 'zod';

/** One entry of the case's audit trail (see electron/cases/audit-log.ts). */
export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  /** ISO 8601, UTC. */
  at: z.string(),
  user: z.string(),
  /** `<domain>.<verb>`, e.g. `evidence.import.finish`, `label.apply`, `bookmark.set`. */
  action: z.string(),
  params: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  entries: z.number().int().nonnegative(),
  firstBroken: z.object({ seq: z.number().int().nonnegative(), reason: z.string() }).nullable(),
  head: z.string(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
