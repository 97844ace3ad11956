import type { Migration } from './migration';

/**
 * Findings (electron/analysis/findings/): each run of the detectors with the
 * thresholds in force, the findings it made, and their evidence flows. A new
 * run replaces the previous one.
 */
export const findings: Migration = {
  version: 6,
  name: 'findings with their evidence flows',
  up(db) {
    db.exec(`
      CREATE TABLE finding_runs (
        id INTEGER PRIMARY KEY,
        created_at REAL NOT NULL,
        flows INTEGER NOT NULL,
        thresholds TEXT NOT NULL
      );
      CREATE TABLE findings (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES finding_runs(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        severity TEXT NOT NULL,
        start_ts REAL NOT NULL,
        end_ts REAL NOT NULL,
        src_ips TEXT NOT NULL,
        dst_ips TEXT NOT NULL,
        dst_port INTEGER,
        proto TEXT,
        count INTEGER NOT NULL,
        flow_count INTEGER NOT NULL,
        explanation TEXT NOT NULL
      );
      CREATE INDEX findings_run ON findings(run_id);
      CREATE TABLE finding_flows (
        finding_id INTEGER NOT NULL REFERENCES findings(id) ON DELETE CASCADE,
        flow_id INTEGER NOT NULL REFERENCES flows(id) ON DELETE CASCADE,
        PRIMARY KEY (finding_id, flow_id)
      ) WITHOUT ROWID;
      CREATE INDEX finding_flows_flow ON finding_flows(flow_id);
    `);
  },
};
