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
}

/**
 * Applies a label to flows: one history row per flow, and the flows' current
 * label. In one transaction, so a crash leaves either all of it or none.
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
  })();
  return n;
}

/** Undoes one act: its rows are marked undone and each flow falls back to its previous label. */
export function undoLabels(db: CaseDb, batch: string, at = Date.now() / 1000): number {
  const flows = (db.prepare('SELECT DISTINCT flow_id AS id FROM labels WHERE batch = ? AND undone_at IS NULL').all(batch) as { id: number }[]).map((r) => r.id);
  const current = db.prepare('SELECT label FROM labels WHERE flow_id = ? AND undone_at IS NULL ORDER BY created_at DESC, id DESC LIMIT 1');
  const set = db.prepare('UPDATE flows SET label = ? WHERE id = ?');
  db.transaction(() => {
    db.prepare('UPDATE labels SET undone_at = ? WHERE batch = ? AND undone_at IS NULL').run(at, batch);
    for (const id of flows) set.run((current.get(id) as { label: string } | undefined)?.label ?? null, id);
  })();
  return flows.length;
}
