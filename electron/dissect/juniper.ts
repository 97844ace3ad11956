import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeEthernet } from './ethernet';

/** LINKTYPE_JUNIPER_ETHER: Ethernet frames behind Juniper's pseudo-header. */
export const DLT_JUNIPER_ETHER = 178;
const FLAG_EXT = 0x80;
const FLAG_NO_L2 = 0x02;

/**
 * Juniper's pseudo-header (as libpcap's and Wireshark's Juniper dissectors read
 * it): the magic "MGC", a flags byte, and with the extension flag a 2-byte
 * length of TLV extensions that follow. Then the Ethernet frame, unless the
 * no-L2 flag says the link header was stripped.
 */
function decodeJuniperEther(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4 || d[off] !== 0x4d || d[off + 1] !== 0x47 || d[off + 2] !== 0x43) {
    p.truncated = end - off < 4;
    p.skipReason = 'malformed Juniper header';
    return;
  }
  const flags = d[off + 3];
  let o = off + 4;
  if (flags & FLAG_EXT) {
    if (end - o < 2) {
      p.truncated = true;
      p.skipReason = 'malformed Juniper header';
      return;
    }
    o += 2 + ((d[o] << 8) | d[o + 1]);
  }
  if (flags & FLAG_NO_L2) {
    p.skipReason = 'Juniper frame without its link header';
    return;
  }
  decodeEthernet(d, o, end, p);
}

registerLinkType(DLT_JUNIPER_ETHER, decodeJuniperEther);
