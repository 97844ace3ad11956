import { z } from 'zod';

/** An unlabelled flow and what the applied model thinks of it (the "label next" list). */
export const LabelNextRow = z.object({
  id: z.number().int(),
  proto: z.string().nullable(),
  src_ip: z.string().nullable(),
  src_port: z.number().nullable(),
  dst_ip: z.string().nullable(),
  dst_port: z.number().nullable(),
  first_ts: z.number().nullable(),
  sni: z.string().nullable(),
  prediction: z.string(),
  confidence: z.number(),
});
export type LabelNextRow = z.infer<typeof LabelNextRow>;
