import { createHash } from 'node:crypto';
import { appendAudit } from './audit-log';
import type { CaseDb } from './case-db';

/** How a label came to be (issue: provenance). */
export type LabelProvenance = 'manual' | 'filter' | 'rule' | 'import' | 'csv' | 'capture-tag' | 'model-accepted';

export interface LabelAct {
  flowIds: number[];
  label: string;
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
    for (const id of act.flowIds) {
      insert.run(id, act.label, act.provenance, act.author, at, act.batch, act.detail ?? null);
      n += set.run(act.label, id).changes;
    }
    if (act.audit !== false) {
      appendAudit(db, { user: act.author, action: 'label.apply', params: { label: act.label, provenance: act.provenance, batch: act.batch, detail: act.detail ?? null, ...flowIdsRecord(act.flowIds), labelled: n } });
    }
  }).immediate();
  return n;
}

/** Undoes one act: its rows are marked undone and each flow falls back to its previous label; audited as `label.undo` by `user`. */
export function undoLabels(db: CaseDb, batch: string, user: string, at = Date.now() / 1000): number {
  const affected = db.prepare('SELECT DISTINCT flow_id AS id FROM labels WHERE batch = ? AND undone_at IS NULL');
  const current = db.prepare('SELECT label FROM labels WHERE flow_id = ? AND undone_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1');
  const set = db.prepare('UPDATE flows SET label = ? WHERE id = ?');
  return db
    .transaction(() => {
      const flows = (affected.all(batch) as { id: number }[]).map((r) => r.id);
      db.prepare('UPDATE labels SET undone_at = ? WHERE batch = ? AND undone_at IS NULL').run(at, batch);
      for (const id of flows) set.run((current.get(id) as { label: string } | undefined)?.label ?? null, id);
      appendAudit(db, { user, action: 'label.undo', params: { batch, ...flowIdsRecord(flows) } });
      return flows.length;
    })
    .immediate();
}
