import { z } from 'zod';

/** One packet of a flow, as the packet list shows it. */
export const PacketSummary = z.object({
  /** 1-based position within the flow. */
  number: z.number().int().positive(),
  /** Epoch seconds. */
  ts: z.number(),
  /** Seconds since the flow's first packet. */
  rel: z.number(),
  dir: z.enum(['fwd', 'bwd']),
  length: z.number().int().nonnegative(),
  captured: z.number().int().nonnegative(),
  flags: z.string(),
  seq: z.number().nullable(),
  ack: z.number().nullable(),
  info: z.string(),
  comment: z.string().nullable(),
});
export type PacketSummary = z.infer<typeof PacketSummary>;

export const PacketList = z.object({
  total: z.number().int().nonnegative(),
  packets: z.array(PacketSummary),
});
export type PacketList = z.infer<typeof PacketList>;

/** A packet's bytes, hex-encoded: the renderer shows them as text, never as markup. */
export const PacketBytes = z.object({
  number: z.number().int().positive(),
  hex: z.string(),
  captured: z.number().int().nonnegative(),
  length: z.number().int().nonnegative(),
  /** Where the layers start, for highlighting: [name, offset]. */
  layers: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
});
export type PacketBytes = z.infer<typeof PacketBytes>;

/** A reassembled TCP conversation, in the order the data was delivered. */
export const TcpStream = z.object({
  client: z.string(),
  server: z.string(),
  chunks: z.array(z.object({ from: z.enum(['client', 'server']), hex: z.string() })),
  clientBytes: z.number().int().nonnegative(),
  serverBytes: z.number().int().nonnegative(),
  /** More data exists than was returned (maxBytes). */
  truncated: z.boolean(),
  /** Sequence holes: data the capture missed. */
  gaps: z.number().int().nonnegative(),
});
export type TcpStream = z.infer<typeof TcpStream>;
