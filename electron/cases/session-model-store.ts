import { BASELINE_ID } from '../../shared/sessions/baseline';
import type { SessionModelSummary } from '../../shared/sessions/model';
import { audited } from './audit-log';
import { caseMeta, setCaseMeta, type CaseDb } from './case-db';

const ACTIVE_KEY = 'session_classifier';

/** What a stored model row holds: the summary the UI shows and the learner's own parameters. */
export interface StoredSessionModel {
  summary: Omit<SessionModelSummary, 'id' | 'classifier' | 'active' | 'createdAt' | 'name'>;
  name: string;
  options: unknown;
  parameters: unknown;
}

export function saveSessionModel(db: CaseDb, m: StoredSessionModel, at: number): number {
  return Number(
    db
      .prepare('INSERT INTO session_models (name, algorithm, created_at, options, parameters, summary) VALUES (?, ?, ?, ?, ?, ?)')
      .run(m.name, m.summary.algorithm, at, JSON.stringify(m.options), JSON.stringify(m.parameters), JSON.stringify(m.summary)).lastInsertRowid,
  );
}

interface ModelRow {
  id: number;
  name: string;
  created_at: number;
  parameters: string;
  summary: string;
}

export function listSessionModels(db: CaseDb): SessionModelSummary[] {
  const active = activeClassifierId(db);
  const rows = db.prepare('SELECT id, name, created_at, parameters, summary FROM session_models ORDER BY id').all() as ModelRow[];
  return rows.map((r) => ({
    ...(JSON.parse(r.summary) as StoredSessionModel['summary']),
    id: r.id,
    classifier: `model:${r.id}`,
    name: r.name,
    createdAt: r.created_at,
    active: active === `model:${r.id}`,
  }));
}

export function sessionModelParameters(db: CaseDb, id: number): unknown {
  const row = db.prepare('SELECT parameters FROM session_models WHERE id = ?').get(id) as { parameters: string } | undefined;
  return row ? JSON.parse(row.parameters) : null;
}

/** The classifier new predictions use; the baseline until a model is trained or chosen. */
export function activeClassifierId(db: CaseDb): string {
  return caseMeta(db, ACTIVE_KEY) ?? BASELINE_ID;
}

export function setActiveClassifier(db: CaseDb, id: string): void {
  setCaseMeta(db, ACTIVE_KEY, id);
}

/** Someone picks the classifier new predictions use: audited as `session.classifier`. */
export function chooseClassifier(db: CaseDb, id: string, user: string): void {
  const previous = activeClassifierId(db);
  audited(db, { user, action: 'session.classifier', params: { active: id, previous } }, () => setActiveClassifier(db, id));
}
