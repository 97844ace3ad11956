import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

/** LINKTYPE_ARCNET_BSD: source, destination, protocol id. */
export const DLT_ARCNET = 7;
/** LINKTYPE_ARCNET_LINUX: source, destination, a 2-byte offset, protocol id. */
export const DLT_ARCNET_LINUX = 129;

// ARCnet protocol ids (ARCNET Trade Association; RFC 1201, RFC 1051, RFC 2497).
const RFC1201_IP = 0xd4;
const RFC1051_IP = 0xf0;
const IPV6 = 0xc4;
/** RFC 1201 split flag of an exception packet: 4 more bytes precede the real header. */
const EXCEPTION = 0xff;

/**
 * After the link header: RFC 1201 framing (IPv4 0xd4, IPv6 0xc4) has a split
 * flag and a 2-byte sequence number before the packet (4 bytes more for an
 * exception packet); RFC 1051 framing (IPv4 0xf0) has none.
 */
function decodeArcnetPayload(d: Uint8Array, o: number, end: number, p: DecodedPacket): void {
  const protocol = d[o];
  o += 1;
  if (protocol === RFC1051_IP) return decodeIpv4(d, o, end, p);
  if (protocol !== RFC1201_IP && protocol !== IPV6) {
    p.skipReason = 'non-IP frame';
    return;
  }
  if (end - o >= 1 && d[o] === EXCEPTION) o += 4;
  o += 3;
  if (o > end) {
    p.truncated = true;
    p.skipReason = 'truncated ARCnet header';
    return;
  }
  if (protocol === RFC1201_IP) decodeIpv4(d, o, end, p);
  else decodeIpv6(d, o, end, p);
}

function arcnet(headerBeforeProtocol: number) {
  return (d: Uint8Array, off: number, end: number, p: DecodedPacket): void => {
    if (end - off < headerBeforeProtocol + 1) {
      p.truncated = true;
      p.skipReason = 'truncated ARCnet header';
      return;
    }
    decodeArcnetPayload(d, off + headerBeforeProtocol, end, p);
  };
}

registerLinkType(DLT_ARCNET, arcnet(2));
registerLinkType(DLT_ARCNET_LINUX, arcnet(4));
