import type { AnomalyParams, AnomalyPoint, AnomalyRun, CurveParams, HostFeatureName, KCurve } from '../../../shared/domain/anomaly';
import { appendAudit } from '../../cases/audit-log';
import type { CaseDb } from '../../cases/case-db';
import { currentUser } from '../../cases/case-user';
import type { HostKey } from './host-features';
import type { TrainedClusters } from './kmeans-train';
import type { Scaler } from './scaler';
import type { Score } from './score';

/** What a stored model holds beside its parameters: enough to score new points without the training data. */
export interface StoredModel extends TrainedClusters {
  features: HostFeatureName[];
  scaler: Scaler;
}

/** Stores a trained model and its audit entry (who trained it, on which baseline, with which parameters). */
export function saveModel(db: CaseDb, baseline: string, params: AnomalyParams, model: StoredModel, trainingPoints: number, at = Date.now() / 1000, user = currentUser()): number {
  return db
    .transaction(() => {
      const id = Number(db.prepare('INSERT INTO anomaly_models (created_at, baseline, params, model, training_points) VALUES (?, ?, ?, ?, ?)').run(at, baseline, JSON.stringify(params), JSON.stringify(model), trainingPoints).lastInsertRowid);
      appendAudit(db, { user, action: 'anomaly.train', params: { modelId: id, baseline, params, trainingPoints } });
      return id;
    })
    .immediate();
}

export interface Projection {
  centroids: AnomalyRun['centroids'];
  explained: number[];
}

/**
 * Stores a detection run and its scored points. Earlier runs (and their
 * points) are dropped: the models stay, so any of them can be run again.
 */
export function saveRun(db: CaseDb, modelId: number, keys: HostKey[], raw: number[][], scores: Score[], xy: [number, number][], features: HostFeatureName[], projection: Projection, at = Date.now() / 1000, user = currentUser()): number {
  const insert = db.prepare('INSERT INTO anomaly_points (run_id, ip, window_start, window_end, cluster, distance, threshold, anomaly, top_feature, features, x, y) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  return db.transaction(() => {
    db.prepare('DELETE FROM anomaly_runs').run();
    const anomalies = scores.filter((s) => s.anomaly).length;
    const runId = Number(db.prepare('INSERT INTO anomaly_runs (model_id, created_at, points, anomalies, projection) VALUES (?, ?, ?, ?, ?)').run(modelId, at, keys.length, anomalies, JSON.stringify(projection)).lastInsertRowid);
    keys.forEach((k, i) => {
      const s = scores[i];
      const f = Object.fromEntries(features.map((name, j) => [name, raw[i][j]]));
      insert.run(runId, k.ip, k.windowStart, k.windowEnd, s.cluster, s.distance, s.threshold, s.anomaly ? 1 : 0, s.topFeature, JSON.stringify(f), xy[i][0], xy[i][1]);
    });
    appendAudit(db, { user, action: 'anomaly.detect', params: { runId, modelId, points: keys.length, anomalies } });
    return runId;
  }).immediate();
}

export function latestRun(db: CaseDb): AnomalyRun | null {
  const r = db
    .prepare('SELECT r.id, r.model_id, r.created_at, r.points, r.anomalies, r.projection, m.params, m.baseline, m.training_points FROM anomaly_runs r JOIN anomaly_models m ON m.id = r.model_id ORDER BY r.id DESC LIMIT 1')
    .get() as { id: number; model_id: number; created_at: number; points: number; anomalies: number; projection: string; params: string; baseline: string; training_points: number } | undefined;
  if (!r) return null;
  const projection = JSON.parse(r.projection) as Projection;
  return {
    id: r.id,
    modelId: r.model_id,
    createdAt: r.created_at,
    params: JSON.parse(r.params) as AnomalyParams,
    baseline: r.baseline,
    trainingPoints: r.training_points,
    points: r.points,
    anomalies: r.anomalies,
    centroids: projection.centroids,
    explained: projection.explained,
  };
}

interface PointRow {
  ip: string;
  window_start: number | null;
  window_end: number | null;
  cluster: number;
  distance: number;
  threshold: number;
  anomaly: number;
  top_feature: HostFeatureName;
  features: string;
  x: number;
  y: number;
}

const toPoint = (r: PointRow): AnomalyPoint => ({
  ip: r.ip,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  cluster: r.cluster,
  distance: r.distance,
  threshold: r.threshold,
  anomaly: r.anomaly === 1,
  topFeature: r.top_feature,
  features: JSON.parse(r.features) as Record<string, number>,
  x: r.x,
  y: r.y,
});

/**
 * A run's points for display: every anomaly (up to `limit`), then normal
 * points spread evenly over the rest (every n-th in address order), so the
 * scatter keeps its shape however many hosts there are.
 */
export function runPoints(db: CaseDb, runId: number, limit: number): { points: AnomalyPoint[]; total: number } {
  const total = (db.prepare('SELECT count(*) AS n FROM anomaly_points WHERE run_id = ?').get(runId) as { n: number }).n;
  const anomalies = (db.prepare('SELECT * FROM anomaly_points WHERE run_id = ? AND anomaly = 1 ORDER BY distance DESC LIMIT ?').all(runId, limit) as PointRow[]).map(toPoint);
  const room = limit - anomalies.length;
  const normals = total - anomalies.length;
  if (room <= 0 || normals <= 0) return { points: anomalies, total };
  const step = Math.max(1, Math.ceil(normals / room));
  const rest = db.prepare('SELECT * FROM (SELECT *, row_number() OVER (ORDER BY rowid) AS n FROM anomaly_points WHERE run_id = ? AND anomaly = 0) WHERE (n - 1) % ? = 0 LIMIT ?').all(runId, step, room) as PointRow[];
  return { points: [...anomalies, ...rest.map(toPoint)], total };
}

export function saveCurve(db: CaseDb, params: CurveParams, curve: Omit<KCurve, 'createdAt'>, at = Date.now() / 1000, user = currentUser()): number {
  return db
    .transaction(() => {
      const id = Number(db.prepare('INSERT INTO anomaly_curves (created_at, params, curve) VALUES (?, ?, ?)').run(at, JSON.stringify(params), JSON.stringify(curve)).lastInsertRowid);
      appendAudit(db, { user, action: 'anomaly.curves', params: { curveId: id, params } });
      return id;
    })
    .immediate();
}

export function latestCurve(db: CaseDb): KCurve | null {
  const r = db.prepare('SELECT created_at, curve FROM anomaly_curves ORDER BY id DESC LIMIT 1').get() as { created_at: number; curve: string } | undefined;
  return r ? { ...(JSON.parse(r.curve) as Omit<KCurve, 'createdAt'>), createdAt: r.created_at } : null;
}
