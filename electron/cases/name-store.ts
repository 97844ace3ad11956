import type { LearntName } from '../flows/name-map';
import type { CaseDb } from './case-db';

/** Keeps the names a capture taught (DNS, NRB, DHCP) for the endpoint views; the first sighting wins. */
export function storeNames(db: CaseDb, evidenceId: number, baseSec: number, names: LearntName[]): void {
  if (names.length === 0) return;
  const insert = db.prepare('INSERT OR IGNORE INTO names (address, name, source, first_ts, evidence_id) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const n of names) insert.run(n.address, n.name, n.source, baseSec + n.ts, evidenceId);
  })();
}

export function namesOf(db: CaseDb, address: string): string[] {
  return (db.prepare('SELECT DISTINCT name FROM names WHERE address = ? ORDER BY first_ts').all(address) as { name: string }[]).map((r) => r.name);
}
