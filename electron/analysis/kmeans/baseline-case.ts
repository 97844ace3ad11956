import Database from 'better-sqlite3';
import { CaseError } from '../../cases/case-errors';
import { openCaseDb, type CaseDb } from '../../cases/case-db';

/** The first schema whose flows have every column the host features read (conn_state, resets, termination…). */
const FEATURE_COLUMNS_SINCE = 2;

/**
 * Opens another case file to train on, read-only: a baseline is evidence of
 * its own and is never migrated or written. A case from an older Flowsight
 * is read as it is, as long as its flows have the feature columns.
 */
export function openBaselineCase(path: string, nativeBinding?: string): CaseDb {
  try {
    return openCaseDb(path, { readOnly: true, nativeBinding });
  } catch (err) {
    if (!(err instanceof CaseError) || err.code !== 'needs_upgrade') throw err;
  }
  const db = new Database(path, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version < FEATURE_COLUMNS_SINCE) {
    db.close();
    throw new CaseError(path, 'needs_upgrade', `this baseline case (schema ${version}) predates the flow fields K-Means reads; open it once in Flowsight to upgrade it`);
  }
  return db;
}
