import { rmSync } from 'node:fs';
import { appendAudit, verifyAudit } from './audit-log';
import { CaseError } from './case-errors';
import { openCaseDb, type CaseDb } from './case-db';

/**
 * Save As: a consistent copy of an open case through SQLite's online backup,
 * which copies the database as its connection sees it (pages still in the WAL
 * included) while other connections keep reading and writing. The copy's audit
 * trail continues the original's with a `case.copy` entry naming the source and
 * the head hash it was copied at. The copy is left closed.
 */
export async function copyCase(source: CaseDb, sourcePath: string, dest: string, user: string, nativeBinding?: string): Promise<void> {
  if (dest === sourcePath) throw new CaseError(dest, 'in_use', 'a case cannot be saved over itself');
  // The user confirmed the overwrite in the save dialog; stale WAL files of an old case there would corrupt the copy.
  for (const f of [dest, `${dest}-wal`, `${dest}-shm`]) rmSync(f, { force: true });
  await source.backup(dest);
  const copy = openCaseDb(dest, { user, nativeBinding });
  try {
    const chain = verifyAudit(copy);
    copy.transaction(() => appendAudit(copy, { user, action: 'case.copy', params: { from: sourcePath, sourceEntries: chain.entries, sourceHead: chain.head, chainOk: chain.ok } })).immediate();
  } finally {
    copy.close();
  }
}
