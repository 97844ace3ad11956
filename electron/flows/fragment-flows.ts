import type { DecodedPacket } from '../dissect/decoded-packet';

const MAX_DATAGRAMS = 65_536;
/** As long as a reassembler waits for the rest of a datagram (Linux ipfrag_time). */
export const FRAGMENT_TIMEOUT = 30;

/** The flow a datagram's first fragment decoded to. */
interface FlowIdentity {
  ipVersion: number;
  src0: number; src1: number; src2: number; src3: number;
  dst0: number; dst1: number; dst2: number; dst3: number;
  proto: number;
  srcPort: number;
  dstPort: number;
  hasPorts: boolean;
  vlan: number;
  tunnel: string;
  ts: number;
}

/** Names a fragmented datagram: its IP layer's addresses, protocol and identification. */
export function datagramKey(p: DecodedPacket): string {
  return `${p.datagramVersion}|${p.datagramSrc0}|${p.datagramSrc1}|${p.datagramSrc2}|${p.datagramSrc3}|${p.datagramDst0}|${p.datagramDst1}|${p.datagramDst2}|${p.datagramDst3}|${p.datagramProto}|${p.datagramId}`;
}

/**
 * Gives a datagram's later fragments the flow of its first fragment, so every
 * fragment counts for its flow. The first fragment may have decoded through a
 * tunnel to an inner flow while the later ones carry only the outer IP header:
 * they get the whole inner identity, not just the ports. Only fragmented packets
 * touch this map; it is bounded in size, and entries expire like a
 * reassembler's, so a reused identification 30 s on is a new datagram.
 */
export class FragmentFlows {
  private map = new Map<string, FlowIdentity>();

  /**
   * Call for every packet with `datagramVersion` set. A first fragment is
   * remembered (false); a later one gets its datagram's flow identity (true) or,
   * when the first fragment is unknown or too old, keeps its own (false).
   */
  resolve(p: DecodedPacket, key: string, ts: number): boolean {
    if (p.datagramOffset === 0) {
      this.remember(p, key, ts);
      return false;
    }
    const id = this.map.get(key);
    if (!id || ts - id.ts > FRAGMENT_TIMEOUT) return false;
    p.ipVersion = id.ipVersion;
    p.src0 = id.src0; p.src1 = id.src1; p.src2 = id.src2; p.src3 = id.src3;
    p.dst0 = id.dst0; p.dst1 = id.dst1; p.dst2 = id.dst2; p.dst3 = id.dst3;
    p.proto = id.proto;
    p.srcPort = id.srcPort;
    p.dstPort = id.dstPort;
    p.hasPorts = id.hasPorts;
    p.vlan = id.vlan;
    p.tunnel = id.tunnel;
    return true;
  }

  private remember(p: DecodedPacket, key: string, ts: number): void {
    // Maps iterate in insertion order: drop expired datagrams, and the oldest when full.
    for (const [k, v] of this.map) {
      if (this.map.size < MAX_DATAGRAMS && ts - v.ts <= FRAGMENT_TIMEOUT) break;
      this.map.delete(k);
    }
    this.map.delete(key);
    this.map.set(key, {
      ipVersion: p.ipVersion,
      src0: p.src0, src1: p.src1, src2: p.src2, src3: p.src3,
      dst0: p.dst0, dst1: p.dst1, dst2: p.dst2, dst3: p.dst3,
      proto: p.proto,
      srcPort: p.srcPort,
      dstPort: p.dstPort,
      hasPorts: p.hasPorts,
      vlan: p.vlan,
      tunnel: p.tunnel,
      ts,
    });
  }
}
