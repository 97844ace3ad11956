import { z } from 'zod';

/** What the detectors look for (electron/analysis/findings/, one file each). */
export const FindingKind = z.enum(['vertical_scan', 'horizontal_scan', 'syn_flood', 'retransmission_storm', 'duplicate_burst', 'rst_storm', 'short_lived_burst', 'beaconing']);
export type FindingKind = z.infer<typeof FindingKind>;

export const Severity = z.enum(['low', 'medium', 'high']);
export type Severity = z.infer<typeof Severity>;

/** A detected behaviour with the flows that show it. */
export const Finding = z.object({
  id: z.number().int(),
  kind: FindingKind,
  severity: Severity,
  /** Epoch seconds: first packet of the first evidence flow, last packet of the last. */
  startTs: z.number(),
  endTs: z.number(),
  /** The one source, or null when there are several (a flood from spoofed addresses). */
  srcIp: z.string().nullable(),
  /** Every source, sorted (at most 1000 listed). */
  srcIps: z.array(z.string()),
  dstIp: z.string().nullable(),
  dstIps: z.array(z.string()),
  dstPort: z.number().int().nullable(),
  proto: z.string().nullable(),
  /** The number the detector's threshold applies to (ports, hosts, SYNs, retransmissions, …). */
  count: z.number().int(),
  /** How many evidence flows. */
  flowCount: z.number().int(),
  /** One line with the numbers behind the finding. */
  explanation: z.string(),
});
export type Finding = z.infer<typeof Finding>;

/** A detector's thresholds: name → value; unknown names are refused in the main process. */
export const Thresholds = z.record(z.string(), z.number().finite());
export type Thresholds = z.infer<typeof Thresholds>;

export const DetectorInfo = z.object({
  kind: FindingKind,
  title: z.string(),
  /** The definition, in a sentence or two. */
  description: z.string(),
  thresholds: z.array(z.object({ name: z.string(), value: z.number(), description: z.string() })),
});
export type DetectorInfo = z.infer<typeof DetectorInfo>;

export const FindingsRun = z.object({
  id: z.number().int(),
  createdAt: z.number(),
  flows: z.number().int(),
  /** The thresholds in force, per detector, defaults filled in. */
  thresholds: z.record(z.string(), Thresholds),
});
export type FindingsRun = z.infer<typeof FindingsRun>;

/** Overrides for some detectors' thresholds; `kinds` limits the run to those detectors. */
export const FindingsParams = z.object({
  thresholds: z.partialRecord(FindingKind, Thresholds).default({}),
  kinds: z.array(FindingKind).min(1).optional(),
});
export type FindingsParams = z.input<typeof FindingsParams>;
