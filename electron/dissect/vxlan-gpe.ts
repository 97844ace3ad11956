import type { DecodedPacket } from './decoded-packet';
import { registerUdpPort } from './dispatch';
import { dispatchNextProtocol, nextProtocolEtherType } from './nsh';

export const VXLAN_GPE_PORT = 4790;
/** The P bit: a next protocol field is present. */
const FLAG_P = 0x04;

/**
 * VXLAN-GPE (draft-ietf-nvo3-vxlan-gpe §3.1): flags (I, P, B, O and a
 * version), reserved bytes, the next protocol (IPv4, IPv6, Ethernet, NSH,
 * MPLS), the VNI. The inner packet is the flow.
 */
function decodeVxlanGpe(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  if (end - off < 8 + 1 || (d[off] & FLAG_P) === 0 || nextProtocolEtherType(d[off + 3]) < 0) return false;
  p.resetForInner('vxlan-gpe');
  dispatchNextProtocol(d[off + 3], d, off + 8, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = 'no IP inside vxlan-gpe';
  return true;
}

registerUdpPort(VXLAN_GPE_PORT, decodeVxlanGpe);
