import { z } from 'zod';

/** What the UI needs to know about the open case. */
export const CaseSummary = z.object({
  path: z.string(),
  title: z.string(),
  schemaVersion: z.number().int(),
  flowCount: z.number().int().nonnegative(),
  evidenceCount: z.number().int().nonnegative(),
  demo: z.boolean(),
  readOnly: z.boolean(),
});
export type CaseSummary = z.infer<typeof CaseSummary>;
