import type { DecodedPacket } from '../dissect/decoded-packet';
import type { FlowState } from './flow-state';

/**
 * True when the packet's (src, srcPort) sorts at or before (dst, dstPort): its
 * source is then the canonical endpoint A. Words compare as unsigned.
 */
export function srcIsLowEndpoint(p: DecodedPacket): boolean {
  if (p.src0 !== p.dst0) return p.src0 >>> 0 < p.dst0 >>> 0;
  if (p.src1 !== p.dst1) return p.src1 >>> 0 < p.dst1 >>> 0;
  if (p.src2 !== p.dst2) return p.src2 >>> 0 < p.dst2 >>> 0;
  if (p.src3 !== p.dst3) return p.src3 >>> 0 < p.dst3 >>> 0;
  return p.srcPort <= p.dstPort;
}

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x9e3779b1);
  return (h << 13) | (h >>> 19);
}

/** Direction-independent hash of the packet's flow key (gopacket's FastHash idea). */
export function flowHash(p: DecodedPacket): number {
  let h = mix(0x12345, p.proto | (p.ipVersion << 8) | (p.vlan << 16));
  // XOR and sum are symmetric, so both directions hash alike without sorting first.
  h = mix(h, p.src0 ^ p.dst0);
  h = mix(h, (p.src0 + p.dst0) | 0);
  h = mix(h, p.src1 ^ p.dst1);
  h = mix(h, p.src2 ^ p.dst2);
  h = mix(h, (p.src3 ^ p.dst3) + (p.src3 + p.dst3));
  h = mix(h, (p.srcPort ^ p.dstPort) | ((p.srcPort + p.dstPort) << 16));
  h ^= h >>> 16;
  return Math.imul(h, 0x85ebca6b) >>> 0;
}

/** Does the flow's key equal the packet's, in either direction? */
export function keyMatches(f: FlowState, p: DecodedPacket, pSrcIsA: boolean): boolean {
  if (f.proto !== p.proto || f.ipVersion !== p.ipVersion || f.vlan !== p.vlan) return false;
  if (pSrcIsA) {
    return f.portA === p.srcPort && f.portB === p.dstPort &&
      f.a0 === p.src0 && f.a1 === p.src1 && f.a2 === p.src2 && f.a3 === p.src3 &&
      f.b0 === p.dst0 && f.b1 === p.dst1 && f.b2 === p.dst2 && f.b3 === p.dst3;
  }
  return f.portA === p.dstPort && f.portB === p.srcPort &&
    f.a0 === p.dst0 && f.a1 === p.dst1 && f.a2 === p.dst2 && f.a3 === p.dst3 &&
    f.b0 === p.src0 && f.b1 === p.src1 && f.b2 === p.src2 && f.b3 === p.src3;
}

export function setKey(f: FlowState, p: DecodedPacket, pSrcIsA: boolean): void {
  f.proto = p.proto;
  f.ipVersion = p.ipVersion;
  f.vlan = p.vlan;
  if (pSrcIsA) {
    f.a0 = p.src0; f.a1 = p.src1; f.a2 = p.src2; f.a3 = p.src3;
    f.b0 = p.dst0; f.b1 = p.dst1; f.b2 = p.dst2; f.b3 = p.dst3;
    f.portA = p.srcPort; f.portB = p.dstPort;
  } else {
    f.a0 = p.dst0; f.a1 = p.dst1; f.a2 = p.dst2; f.a3 = p.dst3;
    f.b0 = p.src0; f.b1 = p.src1; f.b2 = p.src2; f.b3 = p.src3;
    f.portA = p.dstPort; f.portB = p.srcPort;
  }
}
