import type { DecodedPacket } from '../dissect/decoded-packet';

const MAX_DATAGRAMS = 65_536;
// As long as a reassembler would wait for the rest of a datagram (Linux ipfrag_time).
const TIMEOUT = 30;

interface Ports {
  src: number;
  dst: number;
  ts: number;
}

/**
 * Gives non-first IP fragments the ports of their datagram's first fragment, so
 * every fragment is attributed to its flow. Only fragmented packets touch this
 * map, and it is bounded in size and age.
 */
export class FragmentPorts {
  private map = new Map<string, Ports>();

  private key(p: DecodedPacket): string {
    return `${p.ipVersion}|${p.src0}|${p.src1}|${p.src2}|${p.src3}|${p.dst0}|${p.dst1}|${p.dst2}|${p.dst3}|${p.proto}|${p.ipId}`;
  }

  /** Call for every IP packet; returns true when it filled in the ports of a non-first fragment. */
  resolve(p: DecodedPacket, ts: number): boolean {
    if (p.fragOffset === 0) {
      if (p.moreFragments && p.hasPorts) this.remember(p, ts);
      return false;
    }
    const key = this.key(p);
    const ports = this.map.get(key);
    if (!ports || ts - ports.ts > TIMEOUT) return false;
    if (!p.moreFragments) this.map.delete(key);
    p.srcPort = ports.src;
    p.dstPort = ports.dst;
    p.hasPorts = true;
    return true;
  }

  private remember(p: DecodedPacket, ts: number): void {
    if (this.map.size >= MAX_DATAGRAMS) {
      // Maps iterate in insertion order: drop the oldest datagram.
      const oldest = this.map.keys().next().value;
      if (oldest !== undefined) this.map.delete(oldest);
    }
    this.map.set(this.key(p), { src: p.srcPort, dst: p.dstPort, ts });
  }
}
