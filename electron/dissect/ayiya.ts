import type { DecodedPacket } from './decoded-packet';
import { registerUdpPort } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

export const AYIYA_PORT = 5072;
const OPCODE_FORWARD = 1;
const IPPROTO_IPV4 = 4;
const IPPROTO_IPV6 = 41;

/**
 * AYIYA, "Anything In Anything" (draft-massar-v6ops-ayiya §5): identity length
 * (a power of two) and type, signature length (in 4-byte words) and hash
 * method, authentication method and opcode, next header, a 4-byte epoch, then
 * the identity and the signature. A forward carries the packet named by the
 * next header, which is the flow; heartbeats and other opcodes stay UDP.
 */
function decodeAyiya(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  if (end - off < 8 || (d[off + 2] & 0x0f) !== OPCODE_FORWARD) return false;
  const next = d[off + 3];
  const o = off + 8 + (1 << (d[off] >> 4)) + (d[off + 1] >> 4) * 4;
  if (o >= end || (next !== IPPROTO_IPV6 && next !== IPPROTO_IPV4)) return false;
  p.resetForInner('ayiya');
  if (next === IPPROTO_IPV6) decodeIpv6(d, o, end, p);
  else decodeIpv4(d, o, end, p);
  return true;
}

registerUdpPort(AYIYA_PORT, decodeAyiya);
