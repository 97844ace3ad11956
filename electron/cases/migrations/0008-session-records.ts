import type { Migration } from './migration';

/**
 * Session fingerprinting (issue 8): session records (from CSV imports, single
 * scans, the REST API and captures), the CSV imports they came from, the
 * session models trained on labelled records, and every prediction made, with
 * the classifier that made it. A cancelled import deletes its rows through the
 * cascade.
 */
export const sessionRecords: Migration = {
  version: 8,
  name: 'session records, imports, models and predictions',
  up(db) {
    db.exec(`
      CREATE TABLE session_imports (
        id INTEGER PRIMARY KEY,
        file TEXT NOT NULL,
        mapping TEXT NOT NULL,
        started_at REAL NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('importing', 'complete')),
        rows_ok INTEGER NOT NULL DEFAULT 0,
        rows_rejected INTEGER NOT NULL DEFAULT 0,
        errors TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE session_records (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL CHECK (source IN ('csv', 'scan', 'api', 'traffic')),
        import_id INTEGER REFERENCES session_imports(id) ON DELETE CASCADE,
        line INTEGER,
        login_hour INTEGER NOT NULL CHECK (login_hour BETWEEN 0 AND 23),
        session_duration REAL NOT NULL CHECK (session_duration >= 0),
        commands_count INTEGER NOT NULL CHECK (commands_count >= 0),
        failed_logins INTEGER NOT NULL CHECK (failed_logins >= 0),
        protocol TEXT NOT NULL,
        typing_speed REAL NOT NULL CHECK (typing_speed >= 0),
        label TEXT CHECK (label IN ('Normal', 'Suspicious')),
        commands TEXT,
        started_at REAL,
        flow_id INTEGER REFERENCES flows(id) ON DELETE SET NULL,
        created_at REAL NOT NULL
      );
      CREATE INDEX session_records_import ON session_records(import_id);
      CREATE INDEX session_records_flow ON session_records(flow_id) WHERE flow_id IS NOT NULL;
      CREATE TABLE session_models (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        algorithm TEXT NOT NULL,
        created_at REAL NOT NULL,
        options TEXT NOT NULL,
        parameters TEXT NOT NULL,
        summary TEXT NOT NULL
      );
      CREATE TABLE session_predictions (
        id INTEGER PRIMARY KEY,
        record_id INTEGER NOT NULL REFERENCES session_records(id) ON DELETE CASCADE,
        prediction TEXT NOT NULL CHECK (prediction IN ('Normal', 'Suspicious')),
        confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        classifier TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at REAL NOT NULL
      );
      CREATE INDEX session_predictions_record ON session_predictions(record_id);
      CREATE INDEX session_predictions_created ON session_predictions(created_at);
    `);
  },
};
