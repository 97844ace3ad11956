import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerUdpPort } from './dispatch';
import { decodeEthernet } from './ethernet';

export const GENEVE_PORT = 6081;
const TRANSPARENT_ETHERNET = 0x6558;

/**
 * Geneve (RFC 8926 §3.4): version and option length (in 4-byte words), flags,
 * a protocol type (an EtherType; 0x6558 for an Ethernet frame), the VNI, then
 * the options. The inner packet is the flow (a header with no room for one
 * left is a Geneve packet with a truncated inner frame).
 */
function decodeGeneve(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  // Version 0 only: text that merely uses port 6081 (SIP from 5060, say) stays UDP.
  if (end - off < 8 || d[off] >> 6 !== 0) return false;
  const inner = off + 8 + (d[off] & 0x3f) * 4;
  if (inner > end) return false;
  const type = (d[off + 2] << 8) | d[off + 3];
  p.resetForInner('geneve');
  if (type === TRANSPARENT_ETHERNET) decodeEthernet(d, inner, end, p);
  else dispatchEtherType(type, d, inner, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = 'no IP inside geneve';
  return true;
}

registerUdpPort(GENEVE_PORT, decodeGeneve);
