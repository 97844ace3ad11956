import type { LabelRule } from '../../shared/domain/labels';
import type { CaseDb } from './case-db';

type Row = { id: number; field: LabelRule['field']; match: LabelRule['match']; pattern: string; label: string; author: string; created_at: number };

const fromRow = (r: Row): LabelRule => ({ id: r.id, field: r.field, match: r.match, pattern: r.pattern, label: r.label, author: r.author, createdAt: r.created_at });

/** Rules in the order they run (the first that matches a flow labels it). */
export function listLabelRules(db: CaseDb): LabelRule[] {
  return (db.prepare('SELECT * FROM label_rules ORDER BY id').all() as Row[]).map(fromRow);
}

export function addLabelRule(db: CaseDb, rule: Pick<LabelRule, 'field' | 'match' | 'pattern' | 'label' | 'author'>, at = Date.now() / 1000): LabelRule {
  const id = Number(db.prepare('INSERT INTO label_rules (field, match, pattern, label, author, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(rule.field, rule.match, rule.pattern, rule.label, rule.author, at).lastInsertRowid);
  return fromRow(db.prepare('SELECT * FROM label_rules WHERE id = ?').get(id) as Row);
}

/** Removes a rule; labels it applied stay (undo their act to take them back). */
export function removeLabelRule(db: CaseDb, id: number): boolean {
  return db.prepare('DELETE FROM label_rules WHERE id = ?').run(id).changes > 0;
}
