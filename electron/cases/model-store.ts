import type { ModelDetail, ModelFile, ModelSummary } from '../../shared/domain/model';
import { ApiError } from '../../shared/contract/errors';
import { appendAudit } from './audit-log';
import { caseMeta, setCaseMeta, type CaseDb } from './case-db';
import { currentUser } from './case-user';

interface ModelRow {
  id: number;
  name: string;
  version: number;
  source: 'trained' | 'imported';
  file: string;
}

/** Meta key naming the model whose predictions the flows hold. */
const PREDICTIONS_MODEL = 'predictions_model';

/** Stores a model as the next version of its name; returns its id. */
export function saveModel(db: CaseDb, m: ModelFile, source: ModelSummary['source'], user = currentUser()): number {
  return db.transaction(() => {
    const last = db.prepare('SELECT max(version) AS v FROM models WHERE name = ?').get(m.name) as { v: number | null };
    const version = (last.v ?? 0) + 1;
    const r = db
      .prepare('INSERT INTO models (name, version, algorithm, level, created_at, source, training_hash, file) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(m.name, version, m.algorithm, m.level, m.createdAt, source, m.trainingSet.hash, JSON.stringify(m));
    const id = Number(r.lastInsertRowid);
    // Training (or importing) a model changes the case: the audit entry names it and what it was trained on.
    appendAudit(db, { user, action: source === 'imported' ? 'model.import' : 'model.train', params: { modelId: id, name: m.name, version, algorithm: m.algorithm, level: m.level, trainingHash: m.trainingSet.hash } });
    return id;
  }).immediate();
}

/** The id of a stored model with exactly this file's content, if any (a re-import or re-apply of the same file). */
export function findModel(db: CaseDb, m: ModelFile): number | null {
  const rows = db.prepare('SELECT id, file FROM models WHERE training_hash = ? AND created_at = ?').all(m.trainingSet.hash, m.createdAt) as { id: number; file: string }[];
  const text = JSON.stringify(m);
  return rows.find((r) => r.file === text)?.id ?? null;
}

export function listModels(db: CaseDb): ModelSummary[] {
  const applied = appliedModel(db);
  return (db.prepare('SELECT id, name, version, source, file FROM models ORDER BY id DESC').all() as ModelRow[]).map((r) => summary(r, JSON.parse(r.file) as ModelFile, applied));
}

export function loadModel(db: CaseDb, id: number): ModelFile {
  const r = db.prepare('SELECT file FROM models WHERE id = ?').get(id) as { file: string } | undefined;
  if (!r) throw new ApiError('not_found', `no model ${id} in this case`);
  return JSON.parse(r.file) as ModelFile;
}

export function modelDetail(db: CaseDb, id: number): ModelDetail {
  const r = db.prepare('SELECT id, name, version, source, file FROM models WHERE id = ?').get(id) as ModelRow | undefined;
  if (!r) throw new ApiError('not_found', `no model ${id} in this case`);
  const m = JSON.parse(r.file) as ModelFile;
  return { ...summary(r, m, appliedModel(db)), params: m.params, seed: m.seed, featureNames: m.features, importance: m.importance, metrics: m.metrics };
}

export function deleteModel(db: CaseDb, id: number, user = currentUser()): boolean {
  return db
    .transaction(() => {
      const deleted = db.prepare('DELETE FROM models WHERE id = ?').run(id).changes > 0;
      if (deleted) appendAudit(db, { user, action: 'model.delete', params: { modelId: id } });
      return deleted;
    })
    .immediate();
}

/** The model whose predictions the flows hold (null: none, or an apply that did not finish). */
export function appliedModel(db: CaseDb): number | null {
  const v = caseMeta(db, PREDICTIONS_MODEL);
  return v ? Number(v) : null;
}

export function setAppliedModel(db: CaseDb, id: number | null): void {
  setCaseMeta(db, PREDICTIONS_MODEL, id === null ? '' : String(id));
}

function summary(r: ModelRow, m: ModelFile, applied: number | null): ModelSummary {
  const macro = (e: ModelFile['metrics']['stratified']) => ('skipped' in e ? null : e.macroF1);
  return {
    id: r.id,
    name: r.name,
    version: r.version,
    algorithm: m.algorithm,
    level: m.level,
    createdAt: m.createdAt,
    source: r.source,
    features: m.features.length,
    classes: m.classes,
    trainingSet: m.trainingSet,
    stratifiedMacroF1: macro(m.metrics.stratified),
    groupedMacroF1: macro(m.metrics.grouped),
    applied: applied === r.id,
  };
}
