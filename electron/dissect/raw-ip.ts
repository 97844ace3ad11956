import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

/** LINKTYPE_RAW: the frame is an IP packet, of either version. */
export const DLT_RAW = 101;
/** DLT_RAW's value on some systems (12 on most BSDs, 14 on BSD/OS), as libpcap and Wireshark map them. */
export const DLT_RAW_BSD = 12;
export const DLT_RAW_BSDOS = 14;
export const DLT_IPV4 = 228;
export const DLT_IPV6 = 229;

/** The version nibble picks the decoder. */
function decodeRawIp(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 1) {
    p.truncated = true;
    p.skipReason = 'truncated IP header';
    return;
  }
  const version = d[off] >> 4;
  if (version === 4) decodeIpv4(d, off, end, p);
  else if (version === 6) decodeIpv6(d, off, end, p);
  else p.skipReason = 'raw frame that is neither IPv4 nor IPv6';
}

registerLinkType(DLT_RAW, decodeRawIp);
registerLinkType(DLT_RAW_BSD, decodeRawIp);
registerLinkType(DLT_RAW_BSDOS, decodeRawIp);
registerLinkType(DLT_IPV4, decodeIpv4);
registerLinkType(DLT_IPV6, decodeIpv6);
