import { readRecordsAt } from '../../capture/record-at';
import type { CaseDb } from '../../cases/case-db';
import { recordSourceOf } from '../../cases/evidence-store';
import { DecodedPacket } from '../../dissect/decoded-packet';
import { decodePacket } from '../../dissect/packet-decoder';
import type { IndexedPacket } from '../../flows/packet-index';
import type { Segment } from './typing-speed';

/** Interactive flows longer than this are read from the index alone (a day-long session is still typing). */
const MAX_READ_PACKETS = 200_000;

/**
 * A flow's segments with their TCP payload lengths. The packet index holds frame
 * lengths only, so the evidence file is read again at the indexed offsets and
 * each record decoded: a one-byte Telnet keystroke and a bare ACK are both
 * padded to a 60-byte Ethernet frame, and only the headers tell them apart.
 * When the evidence cannot be read (moved, deleted), the payload is estimated
 * as the frame length less the smallest frame in that direction (a bare ACK).
 */
export async function interactiveSegments(db: CaseDb, evidenceId: number, firstTs: number, index: IndexedPacket[]): Promise<{ segments: Segment[]; exact: boolean }> {
  const base = index.map((e) => ({ t: firstTs + e.us / 1e6, fromServer: e.fromDestination, payload: 0 }));
  if (index.length <= MAX_READ_PACKETS) {
    try {
      const src = await recordSourceOf(db, evidenceId);
      const p = new DecodedPacket();
      await readRecordsAt(src, index.map((e) => e.fileOffset), (rec, i) => {
        decodePacket(rec, p);
        base[i].payload = p.hasPorts && !p.icmpError ? p.payloadWireLength : 0;
      });
      return { segments: base, exact: true };
    } catch {
      // Fall through to the estimate.
    }
  }
  let minC = Infinity;
  let minS = Infinity;
  for (const e of index) {
    if (e.fromDestination) minS = Math.min(minS, e.wirelen);
    else minC = Math.min(minC, e.wirelen);
  }
  index.forEach((e, i) => (base[i].payload = e.wirelen - (e.fromDestination ? minS : minC)));
  return { segments: base, exact: false };
}
