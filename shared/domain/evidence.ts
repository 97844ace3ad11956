import { z } from 'zod';

/**
 * An imported capture file. `status` is `complete` when every record was read,
 * `partial` when the file was damaged and only the records before the damage
 * were kept, `ingesting` while a job writes it (or if that job was interrupted).
 */
export const EvidenceStatus = z.enum(['ingesting', 'complete', 'partial', 'failed']);
export type EvidenceStatus = z.infer<typeof EvidenceStatus>;

export const Evidence = z.object({
  id: z.number().int(),
  path: z.string(),
  format: z.string(),
  size: z.number().int().nonnegative(),
  status: EvidenceStatus,
  packets: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  flows: z.number().int().nonnegative(),
  firstTs: z.number().nullable(),
  lastTs: z.number().nullable(),
  importedAt: z.number(),
  problems: z.array(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;
