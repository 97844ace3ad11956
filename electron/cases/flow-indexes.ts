import { isFlowFieldName } from '../../shared/fields';
import type { CaseDb } from './case-db';
import { sortColumn } from './flow-order';

/**
 * Sorting or filtering 1M flows on a column without an index scans the table
 * (~0.5 s); with one it reads a page of index (~ms). Indexes on every one of the
 * ~160 columns would cost every import, so the less common ones are built the
 * first time a user sorts or filters on them. Returns whether one was built.
 */
export function ensureFlowIndex(db: CaseDb, column: string): boolean {
  // Addresses sort and filter through their key columns, indexed since migration 0004.
  if (!isFlowFieldName(column) || column === 'id' || sortColumn(column) !== column) return false;
  const existing = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flows' AND sql LIKE ?").get(`%(${column})%`);
  if (existing) return false;
  // The column name comes from the registry (checked above), never from the user's text.
  db.exec(`CREATE INDEX IF NOT EXISTS flows_${column} ON flows(${column})`);
  return true;
}
