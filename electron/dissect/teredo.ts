import type { DecodedPacket } from './decoded-packet';
import { registerUdpPort } from './dispatch';
import { decodeIpv6 } from './ipv6';

export const TEREDO_PORT = 3544;
const AUTHENTICATION = 0x0001;
const ORIGIN = 0x0000;

/**
 * Teredo (RFC 4380 §5.1.1): IPv6 in UDP, optionally after an authentication
 * indicator (0x0001, client-id and authentication lengths, both fields, an
 * 8-byte nonce, a confirmation byte) and an origin indication (0x0000, port,
 * address: 8 bytes). The IPv6 packet is the flow; anything else is left as UDP.
 */
function decodeTeredo(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  let o = off;
  if (end - o >= 4 && ((d[o] << 8) | d[o + 1]) === AUTHENTICATION) o += 4 + d[o + 2] + d[o + 3] + 9;
  if (end - o >= 8 && ((d[o] << 8) | d[o + 1]) === ORIGIN) o += 8;
  if (end - o < 40 || d[o] >> 4 !== 6) return false;
  p.resetForInner('teredo');
  decodeIpv6(d, o, end, p);
  return true;
}

registerUdpPort(TEREDO_PORT, decodeTeredo);
