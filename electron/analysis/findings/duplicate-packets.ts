import type { CaseDb } from '../../cases/case-db';
import { DecodedPacket } from '../../dissect/decoded-packet';
import { decodePacket } from '../../dissect/packet-decoder';
import { IPPROTO_TCP, TCP_FIN, TCP_SYN } from '../../dissect/tcp';
import { withRecords } from '../../investigate/flow-packets';
import type { DetectorFlows } from './detector-flows';

export interface DuplicateScanOptions {
  maxGapMs: number;
  /** Flows examined at most (those with the most retransmissions and duplicate ACKs first). */
  maxFlows?: number;
  /** Packets read at most per flow. */
  maxPackets?: number;
  cancelled?: () => boolean;
  progress?: (done: number, total: number) => void;
}

export interface DuplicateScanResult {
  scanned: number;
  /** Candidates without a packet index or whose evidence file could not be read. */
  unreadable: number;
  /** Candidates left out by maxFlows. */
  leftOut: number;
}

/**
 * Fills `flows.dup` and `flows.dupRetrans`: per flow, the packets that repeat
 * the same IP datagram within maxGapMs (see duplicate-burst.ts for the
 * definition). Only TCP flows that TCP analysis already flagged with
 * retransmissions or duplicate ACKs are read: an exact copy of a data segment
 * is always flagged as a retransmission, and a copy of a pure ACK as a
 * duplicate ACK, so no other flow can hold one.
 */
export async function scanDuplicates(db: CaseDb, flows: DetectorFlows, o: DuplicateScanOptions): Promise<DuplicateScanResult> {
  const candidates: number[] = [];
  for (let i = 0; i < flows.n; i++) if (flows.proto[i] === 6 && flows.retrans[i] + flows.dupAcks[i] > 0) candidates.push(i);
  candidates.sort((a, b) => flows.retrans[b] + flows.dupAcks[b] - (flows.retrans[a] + flows.dupAcks[a]) || a - b);
  const maxFlows = o.maxFlows ?? 20_000;
  const chosen = candidates.slice(0, maxFlows);
  const p = new DecodedPacket();
  const maxGapUs = o.maxGapMs * 1000;
  let unreadable = 0;
  for (let k = 0; k < chosen.length; k++) {
    if (o.cancelled?.()) break;
    const i = chosen[k];
    const lastSeen = new Map<string, number>();
    try {
      await withRecords(db, flows.id[i], 0, o.maxPackets ?? 100_000, (rec, entry) => {
        decodePacket(rec, p);
        if (p.proto !== IPPROTO_TCP || !p.hasPorts || p.icmpError) return;
        // IPv6 has no identification: its TCP timestamp stands in, where the segment has one.
        const id = p.ipVersion === 4 ? p.ipId : p.tcpHasTimestamp ? `t${p.tcpTsVal}` : 'v6';
        const key = `${entry.fromDestination ? 1 : 0} ${id} ${p.tcpSeq} ${p.tcpAck} ${p.tcpFlags} ${p.tcpWindow} ${p.payloadWireLength}`;
        const before = lastSeen.get(key);
        if (before !== undefined && entry.us - before <= maxGapUs) {
          flows.dup[i]++;
          if (p.payloadWireLength > 0 || p.tcpFlags & (TCP_SYN | TCP_FIN)) flows.dupRetrans[i]++;
        }
        lastSeen.set(key, entry.us);
      });
    } catch {
      unreadable++;
    }
    if (k % 50 === 0) o.progress?.(k, chosen.length);
  }
  o.progress?.(chosen.length, chosen.length);
  return { scanned: chosen.length - unreadable, unreadable, leftOut: candidates.length - chosen.length };
}
