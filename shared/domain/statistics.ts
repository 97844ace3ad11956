import { z } from 'zod';

/** Wireshark's Conversations, over flows: one row per address pair. */
export const ConversationRow = z.object({
  a: z.string(),
  b: z.string(),
  aName: z.string().nullable(),
  bName: z.string().nullable(),
  flows: z.number().int(),
  packets: z.number().int(),
  bytes: z.number().int(),
  packetsAtoB: z.number().int(),
  bytesAtoB: z.number().int(),
  packetsBtoA: z.number().int(),
  bytesBtoA: z.number().int(),
  start: z.number(),
  duration: z.number(),
});
export type ConversationRow = z.infer<typeof ConversationRow>;

/** Wireshark's Endpoints, over flows: one row per address. */
export const EndpointRow = z.object({
  address: z.string(),
  name: z.string().nullable(),
  flows: z.number().int(),
  packets: z.number().int(),
  bytes: z.number().int(),
  txPackets: z.number().int(),
  txBytes: z.number().int(),
  rxPackets: z.number().int(),
  rxBytes: z.number().int(),
});
export type EndpointRow = z.infer<typeof EndpointRow>;

export const BreakdownRow = z.object({ key: z.string().nullable(), flows: z.number().int(), packets: z.number().int(), bytes: z.number().int() });
export type BreakdownRow = z.infer<typeof BreakdownRow>;

/** Packets and bytes per interval, from each packet's own time (the packet index). */
export const IoGraph = z.object({
  start: z.number(),
  interval: z.number().positive(),
  packets: z.array(z.number()),
  bytes: z.array(z.number()),
});
export type IoGraph = z.infer<typeof IoGraph>;
