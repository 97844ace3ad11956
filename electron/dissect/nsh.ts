import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerEtherType } from './dispatch';
import { decodeEthernet } from './ethernet';

/** Network Service Header (RFC 8300) over Ethernet. */
export const ETHERTYPE_NSH = 0x894f;

// The "next protocol" values NSH and VXLAN-GPE share (IANA "NSH Next Protocol", RFC 8300 §11.2.5).
const NEXT_IPV4 = 1;
const NEXT_IPV6 = 2;
const NEXT_ETHERNET = 3;
const NEXT_NSH = 4;
const NEXT_MPLS = 5;

/** What an NSH or VXLAN-GPE next protocol names, as an EtherType (0 for Ethernet, -1 for none we follow). */
export function nextProtocolEtherType(next: number): number {
  switch (next) {
    case NEXT_IPV4: return 0x0800;
    case NEXT_IPV6: return 0x86dd;
    case NEXT_ETHERNET: return 0;
    case NEXT_NSH: return ETHERTYPE_NSH;
    case NEXT_MPLS: return 0x8847;
    default: return -1;
  }
}

/** Hands the payload to what `next` names; false (nothing decoded) for a protocol we do not follow. */
export function dispatchNextProtocol(next: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  const type = nextProtocolEtherType(next);
  if (type < 0) return false;
  if (type === 0) decodeEthernet(d, off, end, p);
  else dispatchEtherType(type, d, off, end, p);
  return true;
}

/**
 * NSH (RFC 8300 §2.2): version, O and U bits, TTL, the header's length in
 * 4-byte words, MD type and next protocol; then the service path header and
 * context headers, all within that length. The packet after it is the flow.
 */
export function decodeNsh(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  const len = end - off >= 4 ? (d[off + 1] & 0x3f) * 4 : 0;
  if (len < 8 || off + len > end) {
    p.truncated = true;
    p.skipReason = 'truncated NSH header';
    return;
  }
  p.tunnel = 'nsh';
  if (!dispatchNextProtocol(d[off + 3], d, off + len, end, p)) p.skipReason = 'non-IP frame';
}

registerEtherType(ETHERTYPE_NSH, decodeNsh);
