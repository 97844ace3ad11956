import type { DecodedPacket } from './decoded-packet';
import { ipProtocols, registerEtherType } from './dispatch';

export const ETHERTYPE_IPV6 = 0x86dd;

// Extension headers walked to reach the transport; a bound stops crafted loops.
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTH = 51;
const DEST_OPTS = 60;
const MOBILITY = 135;
const MAX_EXTENSIONS = 8;

function word(d: Uint8Array, o: number): number {
  return (d[o] << 24) | (d[o + 1] << 16) | (d[o + 2] << 8) | d[o + 3];
}

/** IPv6 (RFC 8200), walking the extension-header chain. */
export function decodeIpv6(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 40 || d[off] >> 4 !== 6) {
    p.truncated = end - off < 40;
    p.skipReason = p.truncated ? 'truncated IPv6 header' : 'malformed IPv6 header';
    return;
  }
  const payloadLen = (d[off + 4] << 8) | d[off + 5];
  p.ipVersion = 6;
  p.ipOffset = off;
  p.ttl = d[off + 7];
  p.src0 = word(d, off + 8); p.src1 = word(d, off + 12); p.src2 = word(d, off + 16); p.src3 = word(d, off + 20);
  p.dst0 = word(d, off + 24); p.dst1 = word(d, off + 28); p.dst2 = word(d, off + 32); p.dst3 = word(d, off + 36);
  // Jumbograms (payload length 0) and TSO captures: bound by the frame instead.
  const total = payloadLen === 0 ? end - off : 40 + payloadLen;
  p.ipTotalLength = total;
  const ipEnd = off + total < end ? off + total : end;
  let next = d[off + 6];
  let o = off + 40;
  for (let i = 0; i < MAX_EXTENSIONS; i++) {
    if (next === HOP_BY_HOP || next === ROUTING || next === DEST_OPTS || next === MOBILITY) {
      if (ipEnd - o < 8) return truncatedExt(p, next);
      const len = (d[o + 1] + 1) * 8;
      next = d[o];
      o += len;
    } else if (next === FRAGMENT) {
      if (ipEnd - o < 8) return truncatedExt(p, next);
      const fragOffset = ((d[o + 2] << 8) | d[o + 3]) & 0xfff8;
      p.fragOffset = fragOffset;
      p.moreFragments = (d[o + 3] & 1) !== 0;
      p.ipId = ((d[o + 4] << 24) | (d[o + 5] << 16) | (d[o + 6] << 8) | d[o + 7]) >>> 0;
      next = d[o];
      o += 8;
      if (fragOffset !== 0) {
        p.proto = next;
        p.ipHeaderLength = o - off;
        return;
      }
    } else if (next === AUTH) {
      if (ipEnd - o < 8) return truncatedExt(p, next);
      const len = (d[o + 1] + 2) * 4;
      next = d[o];
      o += len;
    } else {
      break;
    }
  }
  p.proto = next;
  p.ipHeaderLength = o - off;
  if (o > ipEnd) return truncatedExt(p, next);
  const decoder = ipProtocols[next];
  if (decoder) decoder(d, o, ipEnd, p);
  // Only the innermost IP header knows the payload's length (a tunnel decoded an inner one otherwise).
  if (p.hasPorts && p.ipOffset === off) p.payloadWireLength = off + total - p.payloadOffset;
}

function truncatedExt(p: DecodedPacket, next: number): void {
  p.proto = next;
  p.truncated = true;
}

registerEtherType(ETHERTYPE_IPV6, decodeIpv6);
