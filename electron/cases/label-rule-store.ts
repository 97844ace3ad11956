import type { LabelRule } from '../../shared/domain/labels';
import { audited } from './audit-log';
import type { CaseDb } from './case-db';
import { currentUser } from './case-user';

type Row = { id: number; field: LabelRule['field']; match: LabelRule['match']; pattern: string; label: string; author: string; created_at: number };

const fromRow = (r: Row): LabelRule => ({ id: r.id, field: r.field, match: r.match, pattern: r.pattern, label: r.label, author: r.author, createdAt: r.created_at });

/** Rules in the order they run (the first that matches a flow labels it). */
export function listLabelRules(db: CaseDb): LabelRule[] {
  return (db.prepare('SELECT * FROM label_rules ORDER BY id').all() as Row[]).map(fromRow);
}

/** Adds a rule, audited as `label.rule.add` by its author. */
export function addLabelRule(db: CaseDb, rule: Pick<LabelRule, 'field' | 'match' | 'pattern' | 'label' | 'author'>, at = Date.now() / 1000): LabelRule {
  const id = audited(
    db,
    (ruleId: number) => ({ user: rule.author, action: 'label.rule.add', params: { id: ruleId, field: rule.field, match: rule.match, pattern: rule.pattern, label: rule.label } }),
    () => Number(db.prepare('INSERT INTO label_rules (field, match, pattern, label, author, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(rule.field, rule.match, rule.pattern, rule.label, rule.author, at).lastInsertRowid),
  );
  return fromRow(db.prepare('SELECT * FROM label_rules WHERE id = ?').get(id) as Row);
}

/** Removes a rule, audited as `label.rule.remove` with what it was; labels it applied stay (undo their act to take them back). */
export function removeLabelRule(db: CaseDb, id: number, user = currentUser()): boolean {
  const r = db.prepare('SELECT * FROM label_rules WHERE id = ?').get(id) as Row | undefined;
  if (!r) return false;
  audited(db, { user, action: 'label.rule.remove', params: { id, field: r.field, match: r.match, pattern: r.pattern, label: r.label } }, () => db.prepare('DELETE FROM label_rules WHERE id = ?').run(id));
  return true;
}
