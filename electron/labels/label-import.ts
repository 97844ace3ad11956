import { basename } from 'node:path';
import type { CaseDb } from '../cases/case-db';
import { applyLabelToSelection } from '../cases/label-store';

/** Labels every flow of the given evidence files as one act (provenance `import`): `flowsight ingest FILE --label A/B`. */
export function labelImport(db: CaseDb, evidence: { evidenceId: number; path: string }[], label: string, author: string): { batch: string; changed: number } {
  const ids = evidence.map((e) => e.evidenceId);
  const r = applyLabelToSelection(db, {
    selection: { where: 'f.evidence_id IN (SELECT value FROM json_each(?))', params: [JSON.stringify(ids)] },
    label,
    provenance: 'import',
    author,
    detail: `import of ${evidence.map((e) => basename(e.path)).join(', ')}`,
  });
  return { batch: r.batch, changed: r.changed };
}
