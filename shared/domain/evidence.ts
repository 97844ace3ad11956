import { z } from 'zod';
import { ImportFilter } from './import-filter';

/**
 * An imported capture file. `status` is `complete` when every record was read,
 * `partial` when the file was damaged and only the records before the damage
 * were kept, `ingesting` while a job writes it (or if that job was interrupted).
 */
export const EvidenceStatus = z.enum(['ingesting', 'complete', 'partial', 'failed']);
export type EvidenceStatus = z.infer<typeof EvidenceStatus>;

/** A packet capture, or flow records imported from a log (no packets). */
export const EvidenceKind = z.enum(['capture', 'flow-log']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const Evidence = z.object({
  id: z.number().int(),
  kind: EvidenceKind,
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
  /** Records not turned into flows, by reason (non-IP, unsupported link type, truncated…). */
  skippedReasons: z.record(z.string(), z.number()),
  /** Records per link type (DLT number). */
  linkTypes: z.record(z.string(), z.number()),
  /** Capture interfaces and the counters the capturing tool recorded (pcapng IDB/ISB). */
  interfaces: z.array(z.record(z.string(), z.unknown())),
  /** The import filter the file was read with (null: every packet was considered). */
  importFilter: ImportFilter.nullable(),
});
export type Evidence = z.infer<typeof Evidence>;
