import type { DecodedPacket } from './decoded-packet';
import { registerUdpPort } from './dispatch';
import { decodeEthernet } from './ethernet';

export const VXLAN_PORT = 4789;

/**
 * VXLAN (RFC 7348): an 8-byte header with the I flag, then an Ethernet frame.
 * The inner flow is the flow; a header without the I flag is left as plain UDP.
 */
function decodeVxlan(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  if (end - off < 8 + 14 || (d[off] & 0x08) === 0) return false;
  p.resetForInner('vxlan');
  decodeEthernet(d, off + 8, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = 'no IP inside vxlan';
  return true;
}

registerUdpPort(VXLAN_PORT, decodeVxlan);
