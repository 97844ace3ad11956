import type { Evidence, EvidenceStatus } from '../../shared/domain/evidence';
import type { ImportFilter } from '../../shared/domain/import-filter';
import { ApiError } from '../../shared/contract/errors';
import type { RecordSource } from '../capture/record-at';
import type { CaptureInterface, FileLayout } from '../capture/read-stats';
import type { CaseDb } from './case-db';

interface EvidenceRow {
  id: number;
  kind: Evidence['kind'];
  path: string;
  format: string;
  size: number;
  status: EvidenceStatus;
  packets: number;
  skipped: number;
  flows: number;
  first_ts: number | null;
  last_ts: number | null;
  imported_at: number;
  problems: string;
  skipped_reasons: string;
  link_types: string;
  interface_stats: string;
  import_filter: string | null;
}

function fromRow(r: EvidenceRow): Evidence {
  return {
    id: r.id,
    kind: r.kind,
    path: r.path,
    format: r.format,
    size: r.size,
    status: r.status,
    packets: r.packets,
    skipped: r.skipped,
    flows: r.flows,
    firstTs: r.first_ts,
    lastTs: r.last_ts,
    importedAt: r.imported_at,
    problems: JSON.parse(r.problems) as string[],
    skippedReasons: JSON.parse(r.skipped_reasons) as Record<string, number>,
    linkTypes: JSON.parse(r.link_types) as Record<string, number>,
    interfaces: JSON.parse(r.interface_stats) as Record<string, unknown>[],
    importFilter: r.import_filter ? (JSON.parse(r.import_filter) as ImportFilter) : null,
  };
}

/** The id the next new flow gets: flows are numbered by the one writer, in order of their first packet. */
export function nextFlowId(db: CaseDb): number {
  return ((db.prepare('SELECT max(id) AS m FROM flows').get() as { m: number | null }).m ?? 0) + 1;
}

export function addEvidence(db: CaseDb, path: string, size: number, kind: Evidence['kind'] = 'capture'): number {
  const r = db
    .prepare('INSERT INTO evidence (path, size, status, imported_at, kind) VALUES (?, ?, ?, ?, ?)')
    .run(path, size, 'ingesting' satisfies EvidenceStatus, Date.now() / 1000, kind);
  return Number(r.lastInsertRowid);
}

export interface EvidenceResult {
  format: string;
  status: EvidenceStatus;
  packets: number;
  skipped: number;
  flows: number;
  firstTs: number | null;
  lastTs: number | null;
  problems: string[];
  skippedReasons: Record<string, number>;
  linkTypes: Record<string, number>;
  interfaces: Record<string, unknown>[];
  layout: FileLayout;
  /** The import filter the file was read with; null when none. */
  importFilter?: ImportFilter | null;
}

export function finishEvidence(db: CaseDb, id: number, r: EvidenceResult): void {
  db.prepare(
    'UPDATE evidence SET format = ?, status = ?, packets = ?, skipped = ?, flows = ?, first_ts = ?, last_ts = ?, problems = ?, skipped_reasons = ?, link_types = ?, interface_stats = ?, layout = ?, import_filter = ? WHERE id = ?',
  ).run(r.format, r.status, r.packets, r.skipped, r.flows, r.firstTs, r.lastTs, JSON.stringify(r.problems), JSON.stringify(r.skippedReasons), JSON.stringify(r.linkTypes), JSON.stringify(r.interfaces), JSON.stringify(r.layout), r.importFilter ? JSON.stringify(r.importFilter) : null, id);
}

/** Removes an evidence file and its flows (a cancelled or failed import rolls back this way). */
export function deleteEvidence(db: CaseDb, id: number): void {
  db.transaction(() => {
    db.prepare('DELETE FROM flows WHERE evidence_id = ?').run(id);
    db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
  })();
}

/** What it takes to read an evidence file's records again from their offsets. */
export function recordSourceOf(db: CaseDb, evidenceId: number): RecordSource {
  const r = db.prepare('SELECT path, layout, interface_stats FROM evidence WHERE id = ?').get(evidenceId) as { path: string; layout: string; interface_stats: string } | undefined;
  if (!r) throw new ApiError('not_found', `no evidence ${evidenceId} in this case`);
  const layout = JSON.parse(r.layout) as FileLayout;
  if (!layout.format) throw new ApiError('unsupported', `${r.path} was imported before packets could be read back; import it again to see its packets`);
  const interfaces = (JSON.parse(r.interface_stats) as (CaptureInterface & { kind?: string })[]).filter((i) => i.kind === 'interface');
  return { path: r.path, compressed: layout.compressed ?? false, layout, interfaces };
}

export function listEvidence(db: CaseDb): Evidence[] {
  return (db.prepare('SELECT * FROM evidence ORDER BY id').all() as EvidenceRow[]).map(fromRow);
}
