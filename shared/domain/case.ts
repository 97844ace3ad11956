import { z } from 'zod';

/** What an investigator records about the case (stored in the case, changes audited). */
export const CaseMetadata = z.object({
  title: z.string().max(500),
  examiner: z.string().max(500),
  caseNumber: z.string().max(200),
  /** IANA time zone name for showing times (empty: the machine's). */
  timeZone: z.string().max(100),
  notes: z.string().max(100_000),
});
export type CaseMetadata = z.infer<typeof CaseMetadata>;

/** A case opened before, remembered outside any case (per user). */
export const RecentCase = z.object({
  path: z.string(),
  title: z.string(),
  openedAt: z.number(),
  readOnly: z.boolean(),
  exists: z.boolean(),
});
export type RecentCase = z.infer<typeof RecentCase>;

/** What the UI needs to know about the open case. */
export const CaseSummary = z.object({
  path: z.string(),
  title: z.string(),
  schemaVersion: z.number().int(),
  flowCount: z.number().int().nonnegative(),
  evidenceCount: z.number().int().nonnegative(),
  demo: z.boolean(),
  readOnly: z.boolean(),
  metadata: CaseMetadata,
  /** Imports whose writer died: resume or discard them. */
  interruptedImports: z.array(z.object({ evidenceId: z.number().int(), path: z.string(), flows: z.number().int().nonnegative() })),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
