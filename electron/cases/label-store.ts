import { createHash, randomBytes } from 'node:crypto';
import type { FlowLabelEvent, LabelHistoryEntry, LabelProvenance } from '../../shared/domain/labels';
import { selectionSql, type FlowSelection } from '../investigate/flow-selection';
import { appendAudit } from './audit-log';
import { currentUser } from './case-user';
import type { CaseDb } from './case-db';
import { ensureCatalogued } from './label-catalogue-store';

export type { LabelProvenance } from '../../shared/domain/labels';

/**
 * The history stores a removed label as '' (the column is NOT NULL, and '' is
 * never a valid label), so undoing a removal brings the old label back.
 */
const CLEARED = '';

export interface LabelAct {
  flowIds: number[];
  /** Null removes the flows' label. */
  label: string | null;
  provenance: LabelProvenance;
  author: string;
  /** Groups the rows of one act, so it can be undone as one. */
  batch: string;
  detail?: string;
  /**
   * Record the act in the audit trail (default). A live capture's activity tag
   * labels flows as they start; there the tag's changes are audited
   * (`capture.tag`) instead of every flow.
   */
  audit?: boolean;
}

// The audit entry lists the flows when they are few; always their count and a digest of the list.
const LISTED_IDS = 1000;

function flowIdsRecord(ids: number[]): Record<string, unknown> {
  const sorted = [...ids].sort((a, b) => a - b);
  return { flows: ids.length, flowIdsSha256: createHash('sha256').update(sorted.join(',')).digest('hex'), ...(ids.length <= LISTED_IDS ? { flowIds: sorted } : {}) };
}

/** A new batch name: the provenance and random hex, short enough to type (`flowsight label --undo filter-3fa9c2d1`). */
export function newLabelBatch(provenance: LabelProvenance): string {
  return `${provenance}-${randomBytes(4).toString('hex')}`;
}

/**
 * Applies a label to flows: one history row per flow, the flows' current
 * label, and the act's audit entry. In one IMMEDIATE transaction, so a crash
 * leaves either all of it or none.
 */
export function applyLabel(db: CaseDb, act: LabelAct, at = Date.now() / 1000): number {
  const insert = db.prepare('INSERT INTO labels (flow_id, label, provenance, author, created_at, batch, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const set = db.prepare('UPDATE flows SET label = ? WHERE id = ?');
  let n = 0;
  db.transaction(() => {
    if (act.label !== null) ensureCatalogued(db, [act.label], at);
    for (const id of act.flowIds) {
      insert.run(id, act.label ?? CLEARED, act.provenance, act.author, at, act.batch, act.detail ?? null);
      n += set.run(act.label, id).changes;
    }
    if (act.audit !== false) {
      appendAudit(db, { user: act.author, action: 'label.apply', params: { label: act.label, provenance: act.provenance, batch: act.batch, detail: act.detail ?? null, ...flowIdsRecord(act.flowIds), labelled: n } });
    }
  }).immediate();
  return n;
}

export interface SelectionAct {
  selection: FlowSelection;
  label: string | null;
  provenance: LabelProvenance;
  author: string;
  detail?: string;
}

/**
 * Labels every flow of a selection in two set-wise statements (history rows
 * first, then the flows they name), so a filter matching a million flows is
 * one pass, not a million round trips. Flows that already carry the label are
 * counted as matched but get no history row: undo must not "restore" a label
 * that never changed.
 */
export function applyLabelToSelection(db: CaseDb, act: SelectionAct, at = Date.now() / 1000): { batch: string; matched: number; changed: number } {
  const batch = newLabelBatch(act.provenance);
  const { where, params } = selectionSql(act.selection);
  let matched = 0;
  let changed = 0;
  db.transaction(() => {
    matched = (db.prepare(`SELECT count(*) AS n FROM flows f WHERE ${where}`).get(...params) as { n: number }).n;
    if (act.label !== null) ensureCatalogued(db, [act.label], at);
    changed = db
      .prepare(
        `INSERT INTO labels (flow_id, label, provenance, author, created_at, batch, detail)
         SELECT f.id, ?, ?, ?, ?, ?, ? FROM flows f WHERE (${where}) AND f.label IS NOT ? ORDER BY f.id`,
      )
      .run(act.label ?? CLEARED, act.provenance, act.author, at, batch, act.detail ?? null, ...params, act.label).changes;
    db.prepare('UPDATE flows SET label = ? WHERE id IN (SELECT flow_id FROM labels WHERE batch = ?)').run(act.label, batch);
    appendAudit(db, { user: act.author, action: 'label.apply', params: { label: act.label, provenance: act.provenance, batch, detail: act.detail ?? null, selection: act.selection, matched, labelled: changed } });
  }).immediate();
  return { batch, matched, changed };
}

/** One flow's new label within a multi-label act (CSV import, rule run). */
export interface LabelEntry {
  flowId: number;
  label: string | null;
  detail: string | null;
}

/**
 * Applies a different label per flow as one act. Entries whose flow already
 * has that label are left out; returns how many flows changed.
 */
export function applyLabelEntries(db: CaseDb, entries: Iterable<LabelEntry>, provenance: LabelProvenance, author: string, batch: string, at = Date.now() / 1000, auditParams: Record<string, unknown> = {}): number {
  const current = db.prepare('SELECT label FROM flows WHERE id = ?').pluck();
  const insert = db.prepare('INSERT INTO labels (flow_id, label, provenance, author, created_at, batch, detail) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const set = db.prepare('UPDATE flows SET label = ? WHERE id = ?');
  let changed = 0;
  db.transaction(() => {
    const seen = new Set<string>();
    for (const e of entries) {
      const now = current.get(e.flowId) as string | null | undefined;
      if (now === undefined || now === e.label) continue;
      if (e.label !== null && !seen.has(e.label)) {
        seen.add(e.label);
        ensureCatalogued(db, [e.label], at);
      }
      insert.run(e.flowId, e.label ?? CLEARED, provenance, author, at, batch, e.detail);
      set.run(e.label, e.flowId);
      changed++;
    }
    appendAudit(db, { user: author, action: 'label.apply', params: { provenance, batch, labels: [...seen], labelled: changed, ...auditParams } });
  }).immediate();
  return changed;
}

/** Undoes one act: its rows are marked undone and each flow falls back to its previous label; audited as `label.undo` by `user`. */
export function undoLabels(db: CaseDb, batch: string, at = Date.now() / 1000, user = currentUser()): number {
  const flows = db.prepare('SELECT DISTINCT flow_id FROM labels WHERE batch = ? AND undone_at IS NULL').pluck().all(batch) as number[];
  const current = db.prepare('SELECT label FROM labels WHERE flow_id = ? AND undone_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1').pluck();
  const set = db.prepare('UPDATE flows SET label = ? WHERE id = ?');
  db.transaction(() => {
    db.prepare('UPDATE labels SET undone_at = ? WHERE batch = ? AND undone_at IS NULL').run(at, batch);
    for (const id of flows) {
      const previous = current.get(id) as string | undefined;
      set.run(previous === undefined || previous === CLEARED ? null : previous, id);
    }
    appendAudit(db, { user, action: 'label.undo', params: { batch, ...flowIdsRecord(flows) } });
  }).immediate();
  return flows.length;
}

/** Whether a batch exists, and whether it was undone already. */
export function batchState(db: CaseDb, batch: string): 'missing' | 'active' | 'undone' {
  const r = db.prepare('SELECT count(*) AS n, sum(undone_at IS NULL) AS active FROM labels WHERE batch = ?').get(batch) as { n: number; active: number | null };
  if (r.n === 0) return 'missing';
  return (r.active ?? 0) > 0 ? 'active' : 'undone';
}

/** The most recent act still in force, or null. */
export function latestActiveBatch(db: CaseDb): string | null {
  return (db.prepare('SELECT batch FROM labels WHERE undone_at IS NULL AND batch IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1').pluck().get() as string | undefined) ?? null;
}

const HISTORY_LABELS = 8;

/** Acts, newest first, with what they set (a few labels each) and whether they were undone. */
export function labelHistory(db: CaseDb, limit: number, offset: number): { acts: LabelHistoryEntry[]; total: number } {
  const total = (db.prepare('SELECT count(DISTINCT batch) AS n FROM labels').get() as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT batch, min(provenance) AS provenance, min(author) AS author, min(created_at) AS at, max(undone_at) AS undoneAt,
              count(DISTINCT flow_id) AS flows,
              CASE WHEN count(DISTINCT detail) > 1 THEN min(detail) || ' …' ELSE min(detail) END AS detail, max(id) AS last
       FROM labels WHERE batch IS NOT NULL GROUP BY batch ORDER BY last DESC LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as (Omit<LabelHistoryEntry, 'labels'> & { last: number })[];
  const labelsOf = db.prepare('SELECT DISTINCT label FROM labels WHERE batch = ? LIMIT ?').pluck();
  const acts = rows.map(({ last: _last, ...r }) => ({
    ...r,
    // An act is undone as a whole, so any undone row means all of it is.
    labels: (labelsOf.all(r.batch, HISTORY_LABELS) as string[]).map((l) => (l === CLEARED ? null : l)),
  }));
  return { acts, total };
}

/** One flow's label history, newest first (undone acts included, marked). */
export function flowLabelHistory(db: CaseDb, flowId: number): FlowLabelEvent[] {
  const rows = db
    .prepare('SELECT batch, label, provenance, author, created_at AS at, undone_at AS undoneAt, detail FROM labels WHERE flow_id = ? ORDER BY created_at DESC, id DESC')
    .all(flowId) as (Omit<FlowLabelEvent, 'provenance'> & { label: string; provenance: LabelProvenance })[];
  return rows.map((r) => ({ ...r, label: r.label === CLEARED ? null : r.label }));
}
