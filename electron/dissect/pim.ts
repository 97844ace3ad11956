import type { DecodedPacket } from './decoded-packet';
import { registerIpProtocol } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

export const IPPROTO_PIM = 103;
const PIM_V2 = 2;
const REGISTER = 1;
/** PIM header (4 bytes) and the Register message's flags word. */
const REGISTER_HEADER = 8;

/**
 * PIM-SM Register (RFC 7761 §4.9.3): a designated router encapsulates a
 * source's multicast packet to the rendezvous point; the packet is the flow.
 * Other PIM messages stay flows of their own.
 */
function decodePim(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < REGISTER_HEADER + 20 || d[off] >> 4 !== PIM_V2 || (d[off] & 0x0f) !== REGISTER) return;
  const version = d[off + REGISTER_HEADER] >> 4;
  if (version !== 4 && version !== 6) return;
  p.resetForInner('pim');
  if (version === 4) decodeIpv4(d, off + REGISTER_HEADER, end, p);
  else decodeIpv6(d, off + REGISTER_HEADER, end, p);
}

registerIpProtocol(IPPROTO_PIM, decodePim);
