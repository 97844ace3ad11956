import type { DecodedPacket } from './decoded-packet';
import { registerIpProtocol } from './dispatch';
import { IPPROTO_TCP } from './tcp';
import { IPPROTO_UDP } from './udp';

export const IPPROTO_ICMP = 1;
export const IPPROTO_ICMPV6 = 58;

// Error messages quote the offending packet's IP header and at least 8 bytes of
// its transport header (RFC 792, RFC 4443 §2.4(c)).
const ICMP4_ERRORS = new Set([3, 4, 5, 11, 12]);
const ICMP6_ERRORS = new Set([1, 2, 3, 4]);

function word(d: Uint8Array, o: number): number {
  return (d[o] << 24) | (d[o + 1] << 16) | (d[o + 2] << 8) | d[o + 3];
}

function isEchoType(proto: number, type: number): boolean {
  return proto === IPPROTO_ICMP ? type === 8 || type === 0 : type === 128 || type === 129;
}

/**
 * Makes the packet describe the flow of the quoted packet, seen from the other
 * side: the error travels back towards the quoted packet's sender, so the quoted
 * destination becomes this packet's source. False when the quote is unusable.
 */
function attributeToQuotedFlow(d: Uint8Array, o: number, end: number, p: DecodedPacket): boolean {
  if (end - o < 20) return false;
  const version = d[o] >> 4;
  let proto: number;
  let l4: number;
  if (version === 4) {
    const ihl = (d[o] & 0x0f) * 4;
    const fragOffset = ((d[o + 6] & 0x1f) << 8) | d[o + 7];
    if (ihl < 20 || fragOffset !== 0) return false;
    proto = d[o + 9];
    l4 = o + ihl;
    if (end - l4 < 4) return false;
    p.src0 = word(d, o + 16);
    p.dst0 = word(d, o + 12);
    p.src1 = p.src2 = p.src3 = p.dst1 = p.dst2 = p.dst3 = 0;
  } else if (version === 6) {
    if (end - o < 44) return false;
    proto = d[o + 6];
    l4 = o + 40;
    p.src0 = word(d, o + 24); p.src1 = word(d, o + 28); p.src2 = word(d, o + 32); p.src3 = word(d, o + 36);
    p.dst0 = word(d, o + 8); p.dst1 = word(d, o + 12); p.dst2 = word(d, o + 16); p.dst3 = word(d, o + 20);
  } else {
    return false;
  }
  p.ipVersion = version;
  p.proto = proto;
  if (proto === IPPROTO_TCP || proto === IPPROTO_UDP) {
    p.srcPort = (d[l4 + 2] << 8) | d[l4 + 3];
    p.dstPort = (d[l4] << 8) | d[l4 + 1];
  } else if ((proto === IPPROTO_ICMP || proto === IPPROTO_ICMPV6) && end - l4 >= 8 && isEchoType(proto, d[l4])) {
    // A quoted echo belongs to its ping session, keyed by the echo identifier.
    p.srcPort = p.dstPort = (d[l4 + 4] << 8) | d[l4 + 5];
  } else {
    p.srcPort = p.dstPort = 0;
  }
  p.icmpError = true;
  p.hasPorts = true;
  p.tcpFlags = 0;
  p.payloadOffset = end;
  p.payloadLength = 0;
  return true;
}

/**
 * ICMP and ICMPv6 carry no ports. Echo request and reply share an identifier, so
 * it stands in for both ports and one ping session is one flow (as Zeek does);
 * other informational messages get port 0 on both sides. Errors that quote a
 * packet are attributed to the quoted packet's flow.
 */
function decodeIcmp(echoRequest: number, echoReply: number, errors: Set<number>) {
  return (d: Uint8Array, off: number, end: number, p: DecodedPacket): void => {
    if (end - off < 4) {
      p.truncated = true;
      return;
    }
    p.icmpType = d[off];
    p.icmpCode = d[off + 1];
    p.l4Offset = off;
    if (errors.has(p.icmpType) && attributeToQuotedFlow(d, off + 8, end, p)) return;
    p.hasPorts = true;
    const isEcho = (p.icmpType === echoRequest || p.icmpType === echoReply) && end - off >= 8;
    const id = isEcho ? (d[off + 4] << 8) | d[off + 5] : 0;
    p.srcPort = id;
    p.dstPort = id;
    p.payloadOffset = off + 8 <= end ? off + 8 : end;
    p.payloadLength = end - p.payloadOffset;
  };
}

registerIpProtocol(IPPROTO_ICMP, decodeIcmp(8, 0, ICMP4_ERRORS));
registerIpProtocol(IPPROTO_ICMPV6, decodeIcmp(128, 129, ICMP6_ERRORS));
