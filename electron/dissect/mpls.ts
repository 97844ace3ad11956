import type { DecodedPacket } from './decoded-packet';
import { registerEtherType, registerPppProtocol } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

export const ETHERTYPE_MPLS = 0x8847;
export const ETHERTYPE_MPLS_MULTICAST = 0x8848;
/** MPLS over PPP (RFC 3032 §4.2). */
const PPP_MPLS = 0x0281;
const PPP_MPLS_MULTICAST = 0x0283;
/** A bound on the label stack, so a crafted frame with no bottom-of-stack bit ends quickly. */
const MAX_LABELS = 32;

/**
 * An MPLS label stack (RFC 3032 §2.1): 4-byte entries until the bottom-of-stack
 * bit. MPLS does not say what it carries; the first nibble after the stack
 * tells IPv4 from IPv6 (RFC 4928 §1), as Wireshark decides by default. Anything
 * else (a pseudowire control word, Ethernet over MPLS) is not followed.
 */
function decodeMpls(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  for (let i = 0; ; i++) {
    if (end - off < 4) {
      p.truncated = true;
      p.skipReason = 'truncated MPLS label stack';
      return;
    }
    const bottom = (d[off + 2] & 1) !== 0;
    off += 4;
    if (bottom) break;
    if (i + 1 === MAX_LABELS) {
      p.skipReason = 'MPLS label stack too deep';
      return;
    }
  }
  if (end - off < 1) {
    p.truncated = true;
    p.skipReason = 'truncated MPLS payload';
    return;
  }
  const version = d[off] >> 4;
  if (version === 4) decodeIpv4(d, off, end, p);
  else if (version === 6) decodeIpv6(d, off, end, p);
  else p.skipReason = 'non-IP MPLS payload';
}

registerEtherType(ETHERTYPE_MPLS, decodeMpls);
registerEtherType(ETHERTYPE_MPLS_MULTICAST, decodeMpls);
registerPppProtocol(PPP_MPLS, decodeMpls);
registerPppProtocol(PPP_MPLS_MULTICAST, decodeMpls);
