import type { Migration } from './migration';

/**
 * K-Means anomaly detection (electron/analysis/kmeans/): trained models with
 * their parameters, scaler, centroids and thresholds; detection runs with the
 * PCA projection they were drawn in; every scored host (or host-window); and
 * the elbow/silhouette curves computed to choose k.
 */
export const anomalyModels: Migration = {
  version: 7,
  name: 'anomaly models, detection runs and k curves',
  up(db) {
    db.exec(`
      CREATE TABLE anomaly_models (
        id INTEGER PRIMARY KEY,
        created_at REAL NOT NULL,
        baseline TEXT NOT NULL,
        params TEXT NOT NULL,
        model TEXT NOT NULL,
        training_points INTEGER NOT NULL
      );
      CREATE TABLE anomaly_runs (
        id INTEGER PRIMARY KEY,
        model_id INTEGER NOT NULL REFERENCES anomaly_models(id) ON DELETE CASCADE,
        created_at REAL NOT NULL,
        points INTEGER NOT NULL,
        anomalies INTEGER NOT NULL,
        projection TEXT NOT NULL
      );
      CREATE TABLE anomaly_points (
        run_id INTEGER NOT NULL REFERENCES anomaly_runs(id) ON DELETE CASCADE,
        ip TEXT NOT NULL,
        window_start REAL,
        window_end REAL,
        cluster INTEGER NOT NULL,
        distance REAL NOT NULL,
        threshold REAL NOT NULL,
        anomaly INTEGER NOT NULL,
        top_feature TEXT NOT NULL,
        features TEXT NOT NULL,
        x REAL NOT NULL,
        y REAL NOT NULL
      );
      CREATE INDEX anomaly_points_run ON anomaly_points(run_id, anomaly, distance);
      CREATE TABLE anomaly_curves (
        id INTEGER PRIMARY KEY,
        created_at REAL NOT NULL,
        params TEXT NOT NULL,
        curve TEXT NOT NULL
      );
    `);
  },
};
