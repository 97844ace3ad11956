import type { CaseDb } from './case-db';

export interface PacketComment {
  packetIndex: number;
  comment: string;
}

/** pcapng packet comments, kept with the evidence file they came from. */
export function storePacketComments(db: CaseDb, evidenceId: number, comments: PacketComment[]): void {
  if (comments.length === 0) return;
  const insert = db.prepare('INSERT INTO packet_comments (evidence_id, packet_index, comment) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const c of comments) insert.run(evidenceId, c.packetIndex, c.comment);
  })();
}

export function packetComments(db: CaseDb, evidenceId: number): PacketComment[] {
  return (db.prepare('SELECT packet_index AS packetIndex, comment FROM packet_comments WHERE evidence_id = ? ORDER BY packet_index').all(evidenceId) as PacketComment[]);
}
