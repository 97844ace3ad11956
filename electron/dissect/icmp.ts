import type { DecodedPacket } from './decoded-packet';
import { registerIpProtocol } from './dispatch';

export const IPPROTO_ICMP = 1;
export const IPPROTO_ICMPV6 = 58;

/**
 * ICMP and ICMPv6 carry no ports. Echo request and reply share an identifier, so
 * it stands in for both ports and one ping session is one flow (as Zeek does);
 * other messages get port 0 on both sides.
 */
function decodeIcmp(echoRequest: number, echoReply: number) {
  return (d: Uint8Array, off: number, end: number, p: DecodedPacket): void => {
    if (end - off < 4) {
      p.truncated = true;
      return;
    }
    p.icmpType = d[off];
    p.icmpCode = d[off + 1];
    p.hasPorts = true;
    const isEcho = (p.icmpType === echoRequest || p.icmpType === echoReply) && end - off >= 8;
    const id = isEcho ? (d[off + 4] << 8) | d[off + 5] : 0;
    p.srcPort = id;
    p.dstPort = id;
    p.payloadOffset = off + 8 <= end ? off + 8 : end;
    p.payloadLength = end - p.payloadOffset;
  };
}

registerIpProtocol(IPPROTO_ICMP, decodeIcmp(8, 0));
registerIpProtocol(IPPROTO_ICMPV6, decodeIcmp(128, 129));
