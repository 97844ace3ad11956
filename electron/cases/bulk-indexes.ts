import { caseMeta, setCaseMeta, type CaseDb } from './case-db';

const PENDING = 'flow_indexes_pending';

/**
 * Secondary indexes on `flows` cost more to keep up row by row than to build
 * once: for an import into a case without flows they are dropped first and
 * built at the end (about 3× cheaper). Their SQL is parked in `meta`, so an
 * import that dies midway leaves them to be rebuilt on the next open.
 */
export function suspendFlowIndexes(db: CaseDb): boolean {
  const { n } = db.prepare('SELECT count(*) AS n FROM (SELECT 1 FROM flows LIMIT 1)').get() as { n: number };
  if (n > 0) return false;
  const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'flows' AND sql IS NOT NULL").all() as { name: string; sql: string }[];
  if (indexes.length === 0) return false;
  db.transaction(() => {
    setCaseMeta(db, PENDING, JSON.stringify(indexes.map((i) => i.sql)));
    for (const i of indexes) db.exec(`DROP INDEX "${i.name.replace(/"/g, '""')}"`);
  })();
  return true;
}

/** Builds indexes parked by suspendFlowIndexes (after an import, or on open after a crash). */
export function restoreFlowIndexes(db: CaseDb): void {
  const pending = caseMeta(db, PENDING);
  if (!pending) return;
  db.transaction(() => {
    for (const sql of JSON.parse(pending) as string[]) db.exec(sql.replace(/^CREATE INDEX /i, 'CREATE INDEX IF NOT EXISTS '));
    db.prepare('DELETE FROM meta WHERE key = ?').run(PENDING);
  })();
}
