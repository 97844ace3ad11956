import { hostname } from 'node:os';
import type { Evidence, EvidenceKind, EvidenceStatus } from '../../shared/domain/evidence';
import type { ImportFilter } from '../../shared/domain/import-filter';
import { ApiError } from '../../shared/contract/errors';
import type { RecordSource } from '../capture/record-at';
import type { CaptureInterface, FileLayout } from '../capture/read-stats';
import { audited } from './audit-log';
import type { CaseDb } from './case-db';
import { assertEvidenceReadable } from './evidence-guard';

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
  layout: string;
  sha256: string | null;
  file_mtime: number | null;
  source: 'import' | 'capture';
  import_options: string;
  first_flow_id: number | null;
  writer: string | null;
  removed_at: number | null;
  purged_at: number | null;
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
    sha256: r.sha256,
    source: r.source,
    importOptions: JSON.parse(r.import_options) as Record<string, unknown>,
    removedAt: r.removed_at,
    purgedAt: r.purged_at,
    importFilter: r.import_filter ? (JSON.parse(r.import_filter) as ImportFilter) : null,
  };
}

/** The id the next new flow gets: flows are numbered by the one writer, in order of their first packet. */
export function nextFlowId(db: CaseDb): number {
  return ((db.prepare('SELECT max(id) AS m FROM flows').get() as { m: number | null }).m ?? 0) + 1;
}

/** A file about to be read (or written, by a live capture) into the case. */
export interface NewEvidence {
  path: string;
  size: number;
  /** The file's modification time (ms) when the import started: a resume checks the file is the same. */
  mtime: number | null;
  source: 'import' | 'capture';
  /** The options that shape its flows, recorded with it (and in the audit trail). */
  options: Record<string, unknown>;
  user: string;
  /** A packet capture (default) or a flow log (flows without packets). */
  kind?: EvidenceKind;
}

/** The process writing an evidence file: if it is gone when the case is next opened, the import was interrupted. */
interface WriterMark {
  pid: number;
  host: string;
}

/**
 * Starts an evidence row (status `ingesting`) and records it in the audit
 * trail, with the first flow id it will use (a resume numbers its flows again
 * from there) and the writing process.
 */
export function addEvidence(db: CaseDb, e: NewEvidence): number {
  const action = e.source === 'capture' ? 'evidence.capture.start' : 'evidence.import.start';
  let id = 0;
  audited(
    db,
    () => ({ user: e.user, action, params: { evidenceId: id, path: e.path, size: e.size, options: e.options } }),
    () => {
      const writer: WriterMark = { pid: process.pid, host: hostname() };
      const r = db
        .prepare('INSERT INTO evidence (path, size, status, imported_at, file_mtime, source, import_options, first_flow_id, writer, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(e.path, e.size, 'ingesting' satisfies EvidenceStatus, Date.now() / 1000, e.mtime, e.source, JSON.stringify(e.options), nextFlowId(db), JSON.stringify(writer), e.kind ?? 'capture');
      id = Number(r.lastInsertRowid);
    },
  );
  return id;
}

export interface EvidenceResult {
  format: string;
  status: EvidenceStatus;
  packets: number;
  skipped: number;
  flows: number;
  /** The capture's time range: the first and last record's timestamps. */
  firstTs: number | null;
  lastTs: number | null;
  problems: string[];
  skippedReasons: Record<string, number>;
  linkTypes: Record<string, number>;
  interfaces: Record<string, unknown>[];
  layout: FileLayout;
  /** SHA-256 of the file and the bytes it covers (the file's size). */
  sha256: string | null;
  size: number;
  /** The file's modification time once complete, when it changed while being written (a live capture). */
  mtime?: number;
  /** The import filter the file was read with; null when none. */
  importFilter?: ImportFilter | null;
}

/** Completes an evidence row with what the import found, and records it (hash included) in the audit trail. */
export function finishEvidence(db: CaseDb, id: number, r: EvidenceResult, user: string): void {
  const row = evidenceRow(db, id);
  const action = row.source === 'capture' ? 'evidence.capture.finish' : 'evidence.import.finish';
  audited(db, { user, action, params: { evidenceId: id, path: row.path, sha256: r.sha256, size: r.size, status: r.status, packets: r.packets, flows: r.flows, skipped: r.skipped, firstTs: r.firstTs, lastTs: r.lastTs, problems: r.problems } }, () =>
    db
      .prepare(
        'UPDATE evidence SET format = ?, status = ?, packets = ?, skipped = ?, flows = ?, first_ts = ?, last_ts = ?, problems = ?, skipped_reasons = ?, link_types = ?, interface_stats = ?, layout = ?, sha256 = ?, size = ?, file_mtime = coalesce(?, file_mtime), import_filter = ?, writer = NULL WHERE id = ?',
      )
      .run(r.format, r.status, r.packets, r.skipped, r.flows, r.firstTs, r.lastTs, JSON.stringify(r.problems), JSON.stringify(r.skippedReasons), JSON.stringify(r.linkTypes), JSON.stringify(r.interfaces), JSON.stringify(r.layout), r.sha256, r.size, r.mtime ?? null, r.importFilter ? JSON.stringify(r.importFilter) : null, id),
  );
}

/** Removes an evidence file and everything read from it: a cancelled or failed import rolls back this way (audited as such). */
export function deleteEvidence(db: CaseDb, id: number, user: string, why: 'cancel' | 'discard' = 'cancel'): void {
  const row = evidenceRow(db, id);
  audited(db, (flows: number) => ({ user, action: `evidence.import.${why}`, params: { evidenceId: id, path: row.path, flows } }), () => {
    const flows = db.prepare('DELETE FROM flows WHERE evidence_id = ?').run(id).changes;
    db.prepare('DELETE FROM evidence WHERE id = ?').run(id);
    return flows;
  });
}

function evidenceRow(db: CaseDb, id: number): EvidenceRow {
  const r = db.prepare('SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!r) throw new ApiError('not_found', `no evidence ${id} in this case`);
  return r;
}

export function evidenceById(db: CaseDb, id: number): Evidence {
  return fromRow(evidenceRow(db, id));
}

/**
 * What it takes to read an evidence file's records again from their offsets,
 * once the file is known to be the one imported: a changed or missing file is
 * refused with EvidenceChangedError, never silently re-read.
 */
export async function recordSourceOf(db: CaseDb, evidenceId: number): Promise<RecordSource> {
  const r = evidenceRow(db, evidenceId);
  const layout = JSON.parse(r.layout) as FileLayout;
  if (!layout.format) throw new ApiError('unsupported', `${r.path} was imported before packets could be read back; import it again to see its packets`);
  await assertEvidenceReadable(db, { id: r.id, path: r.path, size: r.size, sha256: r.sha256, mtime: r.file_mtime, status: r.status });
  const interfaces = (JSON.parse(r.interface_stats) as (CaptureInterface & { kind?: string })[]).filter((i) => i.kind === 'interface');
  return { path: r.path, compressed: layout.compressed ?? false, layout, interfaces };
}

/** Every evidence row, removed ones included (their `removedAt` says so). */
export function listEvidence(db: CaseDb): Evidence[] {
  return (db.prepare('SELECT * FROM evidence ORDER BY id').all() as EvidenceRow[]).map(fromRow);
}

/** Evidence whose flows are hidden (removed, not yet restored); selections leave their flows out. */
export function hiddenEvidenceIds(db: CaseDb): number[] {
  return (db.prepare('SELECT id FROM evidence WHERE removed_at IS NOT NULL').all() as { id: number }[]).map((r) => r.id);
}

function writerAlive(mark: string | null): boolean {
  if (!mark) return false;
  let w: WriterMark;
  try {
    w = JSON.parse(mark) as WriterMark;
  } catch {
    return false;
  }
  // Another machine (a case on a shared drive): its process cannot be checked from here; assume it runs.
  if (w.host !== hostname()) return true;
  // This process has no import running when it opens a case (the session refuses while jobs run).
  if (w.pid === process.pid) return false;
  try {
    process.kill(w.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Finds imports whose writing process died (SIGKILL, a crash, a power cut) and
 * marks them `interrupted`, each with an audit entry. Their committed flows
 * stay until the user resumes or discards the import.
 */
export function markInterruptedImports(db: CaseDb, user: string): number[] {
  const stale = (db.prepare("SELECT * FROM evidence WHERE status = 'ingesting'").all() as EvidenceRow[]).filter((r) => !writerAlive(r.writer));
  for (const r of stale) {
    audited(db, (flows: number) => ({ user, action: 'evidence.import.interrupted', params: { evidenceId: r.id, path: r.path, flows } }), () => {
      db.prepare("UPDATE evidence SET status = 'interrupted', writer = NULL WHERE id = ? AND status = 'ingesting'").run(r.id);
      return (db.prepare('SELECT count(*) AS n FROM flows WHERE evidence_id = ?').get(r.id) as { n: number }).n;
    });
  }
  return stale.map((r) => r.id);
}

/** Interrupted imports with the flows they committed before they died. */
export function interruptedImports(db: CaseDb): { evidenceId: number; path: string; flows: number }[] {
  return db
    .prepare("SELECT e.id AS evidenceId, e.path AS path, (SELECT count(*) FROM flows f WHERE f.evidence_id = e.id) AS flows FROM evidence e WHERE e.status = 'interrupted' AND e.removed_at IS NULL ORDER BY e.id")
    .all() as { evidenceId: number; path: string; flows: number }[];
}

/** What a resume needs: the file, the options the import ran with, where its flow numbers started, what it committed. */
export interface ResumePoint {
  evidenceId: number;
  path: string;
  size: number;
  mtime: number | null;
  options: Record<string, unknown>;
  firstFlowId: number;
}

export function resumePoint(db: CaseDb, evidenceId: number): ResumePoint {
  const r = evidenceRow(db, evidenceId);
  if (r.status !== 'interrupted') throw new ApiError('conflict', `evidence ${evidenceId} (${r.path}) is ${r.status}, not an interrupted import`);
  if (r.first_flow_id === null) throw new ApiError('unsupported', `${r.path}: this import predates resumable imports; discard it and import the file again`);
  // Flow ids are given in order of first packet from first_flow_id; a replay gives the same ids, unless another import took some since.
  const taken = db.prepare('SELECT 1 FROM flows WHERE id >= ? AND evidence_id <> ? LIMIT 1').get(r.first_flow_id, evidenceId);
  if (taken) throw new ApiError('conflict', `${r.path}: another import numbered flows after this one started, so it cannot be resumed in place; discard it and import the file again`);
  return { evidenceId, path: r.path, size: r.size, mtime: r.file_mtime, options: JSON.parse(r.import_options) as Record<string, unknown>, firstFlowId: r.first_flow_id };
}

/** A resume takes over the row: it is `ingesting` again, by this process; comments are rewritten from the start. */
export function claimResume(db: CaseDb, evidenceId: number, user: string): number[] {
  const committed = (db.prepare('SELECT id FROM flows WHERE evidence_id = ?').raw().all(evidenceId) as [number][]).map((r) => r[0]);
  audited(db, { user, action: 'evidence.import.resume', params: { evidenceId, committedFlows: committed.length } }, () => {
    db.prepare("UPDATE evidence SET status = 'ingesting', writer = ? WHERE id = ?").run(JSON.stringify({ pid: process.pid, host: hostname() } satisfies WriterMark), evidenceId);
    db.prepare('DELETE FROM packet_comments WHERE evidence_id = ?').run(evidenceId);
  });
  return committed;
}

/** A resume that was cancelled: the import is interrupted again, as it was before. */
export function suspendResume(db: CaseDb, evidenceId: number, user: string): void {
  audited(db, { user, action: 'evidence.import.interrupted', params: { evidenceId, reason: 'the resume was cancelled' } }, () =>
    db.prepare("UPDATE evidence SET status = 'interrupted', writer = NULL WHERE id = ? AND status = 'ingesting'").run(evidenceId),
  );
}

/** Soft removal: the file's flows disappear from every view, nothing is dropped. */
export function removeEvidence(db: CaseDb, id: number, user: string): void {
  const r = evidenceRow(db, id);
  if (r.purged_at !== null) throw new ApiError('conflict', `${r.path} was purged`);
  if (r.status === 'ingesting') throw new ApiError('conflict', `${r.path} is being imported; cancel the import instead`);
  if (r.removed_at !== null) return;
  audited(db, { user, action: 'evidence.remove', params: { evidenceId: id, path: r.path, sha256: r.sha256, flows: r.flows } }, () => db.prepare('UPDATE evidence SET removed_at = ? WHERE id = ?').run(Date.now() / 1000, id));
}

export function restoreEvidence(db: CaseDb, id: number, user: string): void {
  const r = evidenceRow(db, id);
  if (r.purged_at !== null) throw new ApiError('conflict', `${r.path} was purged: its flows are gone; import the file again`);
  if (r.removed_at === null) return;
  audited(db, { user, action: 'evidence.restore', params: { evidenceId: id, path: r.path } }, () => db.prepare('UPDATE evidence SET removed_at = NULL WHERE id = ?').run(id));
}

/**
 * Purge: drops a removed file's flows (their packets and labels with them) and
 * comments for good, and takes its flows' bookmarks and notes down. The
 * evidence row stays, marked purged, so the audit trail still names it.
 */
export function purgeEvidence(db: CaseDb, id: number, user: string): number {
  const r = evidenceRow(db, id);
  if (r.removed_at === null) throw new ApiError('conflict', `${r.path} must be removed before it can be purged`);
  if (r.purged_at !== null) return 0;
  return audited(
    db,
    (flows: number) => ({ user, action: 'evidence.purge', params: { evidenceId: id, path: r.path, sha256: r.sha256, flows } }),
    () => {
      const now = Date.now() / 1000;
      const gone = "kind = 'flow' AND removed_at IS NULL AND CAST(key AS INTEGER) IN (SELECT id FROM flows WHERE evidence_id = ?)";
      db.prepare(`UPDATE bookmarks SET removed_at = ? WHERE ${gone}`).run(now, id);
      db.prepare(`UPDATE notes SET removed_at = ? WHERE ${gone}`).run(now, id);
      const flows = db.prepare('DELETE FROM flows WHERE evidence_id = ?').run(id).changes;
      db.prepare('DELETE FROM packet_comments WHERE evidence_id = ?').run(id);
      db.prepare('DELETE FROM names WHERE evidence_id = ?').run(id);
      db.prepare('UPDATE evidence SET purged_at = ? WHERE id = ?').run(now, id);
      return flows;
    },
  );
}
