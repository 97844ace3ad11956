import type { CaseMetadata } from '../../shared/domain/case';
import { ApiError } from '../../shared/contract/errors';
import { audited } from './audit-log';
import { caseMeta, type CaseDb } from './case-db';

// Stored in `meta` under these keys.
const KEYS: Record<keyof CaseMetadata, string> = { title: 'title', examiner: 'examiner', caseNumber: 'case_number', timeZone: 'time_zone', notes: 'notes' };
const FIELDS = Object.keys(KEYS) as (keyof CaseMetadata)[];

export function readMetadata(db: CaseDb): CaseMetadata {
  const m = {} as CaseMetadata;
  for (const f of FIELDS) m[f] = caseMeta(db, KEYS[f]) ?? '';
  return m;
}

/** An IANA zone name the runtime knows (empty means the machine's zone). */
function checkTimeZone(zone: string): void {
  if (zone === '') return;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new ApiError('bad_input', `time zone ${JSON.stringify(zone)} is not an IANA zone name (e.g. Europe/Berlin, UTC)`);
  }
}

/** Changes the fields given; the audit entry holds each change as {from, to}. Nothing changes, nothing is recorded. */
export function updateMetadata(db: CaseDb, patch: Partial<CaseMetadata>, user: string): CaseMetadata {
  if (patch.timeZone !== undefined) checkTimeZone(patch.timeZone);
  const before = readMetadata(db);
  const changes: Record<string, { from: string; to: string }> = {};
  for (const f of FIELDS) {
    const to = patch[f];
    if (to !== undefined && to !== before[f]) changes[f] = { from: before[f], to };
  }
  if (Object.keys(changes).length === 0) return before;
  const set = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');
  audited(db, { user, action: 'case.metadata', params: { changes } }, () => {
    for (const [f, c] of Object.entries(changes)) set.run(KEYS[f as keyof CaseMetadata], c.to);
  });
  return readMetadata(db);
}
