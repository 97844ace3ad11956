import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerLinkType } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

/** LINKTYPE_NULL: a 4-byte address family in the byte order of the host that wrote the file. */
export const DLT_NULL = 0;
/** LINKTYPE_LOOP (OpenBSD): the same header in network byte order. */
export const DLT_LOOP = 108;
const AF_INET = 2;
/** AF_INET6 differs by BSD: NetBSD/OpenBSD/BSD/OS, FreeBSD, Darwin. */
const AF_INET6_BSD = 24;
const AF_INET6_FREEBSD = 28;
const AF_INET6_DARWIN = 30;
/** Above this the field holds an EtherType, as some old Linux loopback captures did. */
const MAX_8023_LENGTH = 1500;

function dispatchFamily(family: number, d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (family === AF_INET) decodeIpv4(d, off, end, p);
  else if (family === AF_INET6_BSD || family === AF_INET6_FREEBSD || family === AF_INET6_DARWIN) decodeIpv6(d, off, end, p);
  else p.skipReason = 'non-IP loopback frame';
}

function truncated(p: DecodedPacket): void {
  p.truncated = true;
  p.skipReason = 'truncated loopback header';
}

/**
 * The writer's byte order is not recorded, but every address family is below
 * 65536: a value with upper bits set was written the other way round
 * (Wireshark's null dissector decides the same way).
 */
function decodeNull(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4) return truncated(p);
  let family = (d[off] | (d[off + 1] << 8) | (d[off + 2] << 16) | (d[off + 3] << 24)) >>> 0;
  if (family > 0xffff) family = ((d[off] << 24) | (d[off + 1] << 16) | (d[off + 2] << 8) | d[off + 3]) >>> 0;
  if (family > MAX_8023_LENGTH) dispatchEtherType(family, d, off + 4, end, p);
  else dispatchFamily(family, d, off + 4, end, p);
}

function decodeLoop(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4) return truncated(p);
  dispatchFamily(((d[off] << 24) | (d[off + 1] << 16) | (d[off + 2] << 8) | d[off + 3]) >>> 0, d, off + 4, end, p);
}

registerLinkType(DLT_NULL, decodeNull);
registerLinkType(DLT_LOOP, decodeLoop);
