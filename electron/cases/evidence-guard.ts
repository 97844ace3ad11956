import type { CaseDb } from './case-db';
import { EvidenceChangedError } from './evidence-errors';
import { checkEvidenceFile, sameStamp, stampOf, type EvidenceFacts, type FileStamp } from './evidence-integrity';

/** A verdict on one evidence file, valid while the file's stamp is unchanged. */
export interface EvidenceVerdict {
  evidenceId: number;
  ok: boolean;
  stamp: FileStamp;
  detail: string;
}

// Per connection (each query worker has its own): verdicts from a full check,
// given by the session after it verified the case, or reached here.
const verdicts = new WeakMap<CaseDb, Map<number, EvidenceVerdict>>();

function verdictsOf(db: CaseDb): Map<number, EvidenceVerdict> {
  let m = verdicts.get(db);
  if (!m) verdicts.set(db, (m = new Map()));
  return m;
}

/** Verdicts of a verification (on open, or on demand) made elsewhere, so this connection need not hash again. */
export function trustVerdicts(db: CaseDb, list: EvidenceVerdict[]): void {
  const m = verdictsOf(db);
  for (const v of list) m.set(v.evidenceId, v);
}

/**
 * Refuses to re-read an evidence file that is not the one imported. A file
 * whose stamp (size, mtime, ctime, inode) matches a verdict is decided by it;
 * one whose size and mtime still match what was recorded at import is read (a
 * full check on open or on demand catches a same-size rewrite that kept the
 * mtime); anything else is hashed again before a single record is read.
 */
export async function assertEvidenceReadable(db: CaseDb, e: EvidenceFacts): Promise<void> {
  // A live capture's file grows while it is read; it is hashed when it closes.
  if (e.status === 'ingesting') return;
  const stamp = stampOf(e.path);
  if (!stamp) throw new EvidenceChangedError(e.path, e.id, 'missing', 'the evidence file is missing');
  const known = verdictsOf(db).get(e.id);
  if (known && sameStamp(known.stamp, stamp)) {
    if (known.ok) return;
    throw new EvidenceChangedError(e.path, e.id, 'changed', known.detail);
  }
  if (stamp.size !== e.size) throw new EvidenceChangedError(e.path, e.id, 'changed', `its size changed: ${e.size} bytes at import, ${stamp.size} now`);
  if (e.sha256 === null || (e.mtime !== null && stamp.mtimeMs === e.mtime)) return;
  const check = checkEvidenceFile(e);
  const ok = check.state === 'ok';
  if (check.stamp) verdictsOf(db).set(e.id, { evidenceId: e.id, ok, stamp: check.stamp, detail: check.detail });
  if (!ok) throw new EvidenceChangedError(e.path, e.id, check.state === 'missing' ? 'missing' : 'changed', check.detail);
}
