import { z } from 'zod';
import { ImportFilter } from './import-filter';

/**
 * An imported capture file. `status` is `complete` when every record was read,
 * `partial` when the file was damaged and only the records before the damage
 * were kept, `ingesting` while a job writes it, `interrupted` when the process
 * writing it died (found on the next open: resume or discard it).
 */
export const EvidenceStatus = z.enum(['ingesting', 'complete', 'partial', 'failed', 'interrupted']);
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
  /** SHA-256 of the file's bytes, computed while it was read (or written, for a live capture); null for imports that predate hashing or did not finish. */
  sha256: z.string().nullable(),
  /** `import` (a file read into the case) or `capture` (written by a live capture). */
  source: z.enum(['import', 'capture']),
  /** The options that shaped its flows (timeouts, capture filter…), as given at import. */
  importOptions: z.record(z.string(), z.unknown()),
  /** Soft removal: its flows are hidden until it is restored or purged. */
  removedAt: z.number().nullable(),
  /** Purged: its flows are gone for good; the row stays for the audit trail. */
  purgedAt: z.number().nullable(),
  /** The import filter the file was read with (null: every packet was considered). */
  importFilter: ImportFilter.nullable(),
});
export type Evidence = z.infer<typeof Evidence>;

/**
 * An evidence file checked against what was recorded at import: `ok` (same
 * SHA-256), `changed` (different bytes or size), `missing`, `unhashed` (imported
 * before hashes were recorded or not finished: only the size can be compared),
 * `skipped` (removed, or still being written).
 */
export const EvidenceCheckState = z.enum(['ok', 'changed', 'missing', 'unhashed', 'skipped']);
export type EvidenceCheckState = z.infer<typeof EvidenceCheckState>;

export const EvidenceCheck = z.object({
  evidenceId: z.number().int(),
  path: z.string(),
  state: EvidenceCheckState,
  expectedSha256: z.string().nullable(),
  actualSha256: z.string().nullable(),
  expectedSize: z.number().int().nonnegative(),
  actualSize: z.number().int().nonnegative().nullable(),
  /** One line for the user: what differs. */
  detail: z.string(),
});
export type EvidenceCheck = z.infer<typeof EvidenceCheck>;

/** The last verification of the open case's evidence (null: not verified yet in this session). */
export const IntegrityReport = z.object({
  checkedAt: z.number(),
  checks: z.array(EvidenceCheck),
  /** True when every file that can be checked is unchanged. */
  ok: z.boolean(),
});
export type IntegrityReport = z.infer<typeof IntegrityReport>;
