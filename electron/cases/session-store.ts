import type { Statement } from 'better-sqlite3';
import type { Verdict } from '../../shared/sessions/baseline';
import type { SessionAttributes, SessionSource, SessionVerdict } from '../../shared/sessions/record';
import type { CaseDb } from './case-db';

/** A record about to be stored, with where it came from. */
export interface NewSessionRecord extends SessionAttributes {
  source: SessionSource;
  importId?: number | null;
  line?: number | null;
  label?: SessionVerdict | null;
  commands?: string[] | null;
  startedAt?: number | null;
  flowId?: number | null;
}

/**
 * Stores session records with their prediction: one record row and one
 * prediction row each, positional parameters (the fast path in better-sqlite3).
 * The caller owns the transaction, so a batch commits as one.
 */
export class SessionRecordWriter {
  private readonly record: Statement;
  private readonly prediction: Statement;

  constructor(private readonly db: CaseDb) {
    this.record = db.prepare(
      `INSERT INTO session_records (source, import_id, line, login_hour, session_duration, commands_count, failed_logins, protocol, typing_speed, label, commands, started_at, flow_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.prediction = db.prepare('INSERT INTO session_predictions (record_id, prediction, confidence, classifier, reason, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  }

  add(r: NewSessionRecord, verdict: Verdict, at: number): { recordId: number; predictionId: number } {
    const recordId = Number(
      this.record.run(
        r.source,
        r.importId ?? null,
        r.line ?? null,
        r.loginHour,
        r.sessionDuration,
        r.commandsCount,
        r.failedLogins,
        r.protocol,
        r.typingSpeed,
        r.label ?? null,
        r.commands ? JSON.stringify(r.commands) : null,
        r.startedAt ?? null,
        r.flowId ?? null,
        at,
      ).lastInsertRowid,
    );
    const predictionId = Number(this.prediction.run(recordId, verdict.prediction, verdict.confidence, verdict.classifier, verdict.reason, at).lastInsertRowid);
    return { recordId, predictionId };
  }

  /** Adds one record in a transaction of its own (single scans, the REST API). */
  addOne(r: NewSessionRecord, verdict: Verdict, at: number): { recordId: number; predictionId: number } {
    return this.db.transaction(() => this.add(r, verdict, at))();
  }
}

export function beginImport(db: CaseDb, file: string, mapping: Record<string, string>, at: number): number {
  return Number(db.prepare("INSERT INTO session_imports (file, mapping, started_at, status) VALUES (?, ?, ?, 'importing')").run(file, JSON.stringify(mapping), at).lastInsertRowid);
}

export function finishImport(db: CaseDb, id: number, ok: number, rejected: number, errors: unknown[]): void {
  db.prepare("UPDATE session_imports SET status = 'complete', rows_ok = ?, rows_rejected = ?, errors = ? WHERE id = ?").run(ok, rejected, JSON.stringify(errors), id);
}

/** Removes an import and, through the cascade, its records and their predictions. */
export function dropImport(db: CaseDb, id: number): void {
  db.prepare('DELETE FROM session_imports WHERE id = ?').run(id);
}
