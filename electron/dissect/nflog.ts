import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

/** LINKTYPE_NFLOG: packets logged by Linux netfilter's NFLOG target. */
export const DLT_NFLOG = 239;
const AF_INET = 2;
const AF_INET6 = 10;
const NFULA_PAYLOAD = 9;
/** TLVs are few (a dozen attribute types); a bound stops crafted lists. */
const MAX_TLVS = 64;

/**
 * The NFLOG header (tcpdump.org LINKTYPE_NFLOG): address family, version and
 * a big-endian resource id; then TLVs of length (which includes the 4-byte TLV
 * header), type and value, padded to 4 bytes. Length and type are in the
 * capturing host's byte order: the first TLV's length tells which (as
 * Wireshark guesses); the type's top two bits are flags. The NFULA_PAYLOAD
 * attribute holds the packet, IPv4 or IPv6 by the family.
 */
function decodeNflog(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4) {
    p.truncated = true;
    p.skipReason = 'truncated NFLOG header';
    return;
  }
  const family = d[off];
  let o = off + 4;
  const little = end - o >= 4 && plausible(d[o] | (d[o + 1] << 8), end - o);
  for (let i = 0; i < MAX_TLVS && end - o >= 4; i++) {
    const len = little ? d[o] | (d[o + 1] << 8) : (d[o] << 8) | d[o + 1];
    const type = (little ? d[o + 2] | (d[o + 3] << 8) : (d[o + 2] << 8) | d[o + 3]) & 0x3fff;
    if (len < 4) break;
    if (type === NFULA_PAYLOAD) {
      const valueEnd = o + len < end ? o + len : end;
      if (family === AF_INET) decodeIpv4(d, o + 4, valueEnd, p);
      else if (family === AF_INET6) decodeIpv6(d, o + 4, valueEnd, p);
      else p.skipReason = 'non-IP NFLOG packet';
      return;
    }
    o += (len + 3) & ~3;
  }
  p.skipReason = 'NFLOG record without a packet';
}

function plausible(len: number, room: number): boolean {
  return len >= 4 && len <= room;
}

registerLinkType(DLT_NFLOG, decodeNflog);
