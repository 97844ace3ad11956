import { z } from 'zod';

/**
 * Flow records from logs (CSV, Zeek TSV/JSON lines, NSL-KDD) imported into a
 * case as flows without packets: evidence of kind `flow-log`.
 */
export const FlowLogPreset = z.enum(['generic', 'cic', 'zeek', 'nslkdd']);
export type FlowLogPreset = z.infer<typeof FlowLogPreset>;

/** What a generic file's columns can be mapped to. */
export const FlowLogField = z.enum(['src_ip', 'dst_ip', 'src_port', 'dst_port', 'proto', 'start', 'duration', 'bytes', 'packets', 'fwd_bytes', 'bwd_bytes', 'fwd_packets', 'bwd_packets', 'state', 'label']);
export type FlowLogField = z.infer<typeof FlowLogField>;

export const flowLogFieldInfo: Record<FlowLogField, { label: string; hint: string }> = {
  src_ip: { label: 'Source IP', hint: 'address that started the connection' },
  dst_ip: { label: 'Destination IP', hint: 'address it connected to' },
  src_port: { label: 'Source port', hint: 'optional' },
  dst_port: { label: 'Destination port', hint: 'optional' },
  proto: { label: 'Protocol', hint: 'tcp, udp, icmp or an IP protocol number' },
  start: { label: 'Start time', hint: 'epoch seconds (or ms), ISO 8601, or d/m/Y H:M[:S] (UTC)' },
  duration: { label: 'Duration', hint: 'seconds' },
  bytes: { label: 'Bytes', hint: 'both directions; or map forward and backward bytes' },
  packets: { label: 'Packets', hint: 'both directions; or map forward and backward packets' },
  fwd_bytes: { label: 'Bytes sent', hint: 'source → destination' },
  bwd_bytes: { label: 'Bytes received', hint: 'destination → source' },
  fwd_packets: { label: 'Packets sent', hint: 'source → destination' },
  bwd_packets: { label: 'Packets received', hint: 'destination → source' },
  state: { label: 'State', hint: 'connection state (Zeek conn_state: SF, S0, REJ, …)' },
  label: { label: 'Label', hint: 'becomes the flow label, provenance import' },
};

/** Column name in the file for each mapped field. */
export const FlowLogMapping = z.partialRecord(FlowLogField, z.string().min(1).max(500));
export type FlowLogMapping = z.infer<typeof FlowLogMapping>;

export const FlowLogPreview = z.object({
  path: z.string(),
  /** How the lines are read. */
  format: z.enum(['csv', 'zeek-tsv', 'jsonl', 'headerless-csv']),
  /** The preset the first lines look like, if any. */
  detected: FlowLogPreset.nullable(),
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** A mapping guessed from the column names (generic files). */
  suggested: FlowLogMapping,
});
export type FlowLogPreview = z.infer<typeof FlowLogPreview>;

export const FlowLogProblem = z.object({ line: z.number().int(), reason: z.string() });
export type FlowLogProblem = z.infer<typeof FlowLogProblem>;

export const FlowLogImportResult = z.object({
  evidenceId: z.number().int(),
  preset: FlowLogPreset,
  flows: z.number().int().nonnegative(),
  labelled: z.number().int().nonnegative(),
  badRows: z.number().int().nonnegative(),
  /** The first bad rows (line number in the file and why); badRows counts all. */
  problems: z.array(FlowLogProblem),
});
export type FlowLogImportResult = z.infer<typeof FlowLogImportResult>;
