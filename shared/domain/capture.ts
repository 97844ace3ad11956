import { z } from 'zod';

export const CaptureInterfaceInfo = z.object({
  name: z.string(),
  description: z.string().nullable(),
  addresses: z.array(z.string()),
  loopback: z.boolean(),
  /** The link type a capture on it will have (LINKTYPE_ number and name); null when only known once it starts. */
  linkType: z.object({ linkType: z.number().int(), name: z.string() }).nullable(),
});
export type CaptureInterfaceInfo = z.infer<typeof CaptureInterfaceInfo>;

export const CaptureCounters = z.object({
  packets: z.number(),
  bytes: z.number(),
  flows: z.number(),
  activeFlows: z.number(),
  /** Packets libpcap dropped because its buffer was full (the capture fell behind); null before the device opens. */
  dropped: z.number().nullable(),
  /** Receive drops the interface counted during the capture; null when the system does not say. */
  interfaceDropped: z.number().nullable(),
  seconds: z.number(),
  fileBytes: z.number(),
  files: z.number(),
});
export type CaptureCounters = z.infer<typeof CaptureCounters>;

export const CaptureStatus = z.object({
  available: z.boolean(),
  /** Why capture cannot run here, when it cannot. */
  reason: z.string().nullable(),
  running: z.object({ jobId: z.string(), device: z.string(), filter: z.string(), tag: z.string().nullable(), counters: CaptureCounters.nullable() }).nullable(),
});
export type CaptureStatus = z.infer<typeof CaptureStatus>;

export const CaptureStart = z
  .object({
    device: z.string().min(1).max(256),
    filter: z.string().max(4096).default(''),
    snaplen: z.number().int().min(64).max(65_535).default(65_535),
    promiscuous: z.boolean().default(true),
    rotateMB: z.number().positive().max(100_000).default(100),
    tag: z.string().min(1).max(200).nullable().default(null),
    maxPackets: z.number().int().positive().optional(),
    maxSeconds: z.number().positive().optional(),
  })
  .strict();
