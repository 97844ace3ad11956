import type { DecodedPacket } from './decoded-packet';
import { dispatchUdpPayload, registerIpProtocol } from './dispatch';
import { firstFragmentPorts } from './tcp';

export const IPPROTO_UDP = 17;

/** UDP (RFC 768). */
function decodeUdp(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 8) {
    p.truncated = true;
    if (p.moreFragments && end - off >= 4) firstFragmentPorts(d, off, p);
    return;
  }
  p.l4Offset = off;
  p.srcPort = (d[off] << 8) | d[off + 1];
  p.dstPort = (d[off + 2] << 8) | d[off + 3];
  p.hasPorts = true;
  p.payloadOffset = off + 8;
  p.payloadLength = end - off - 8;
  dispatchUdpPayload(p.srcPort, p.dstPort, d, off + 8, end, p);
}

registerIpProtocol(IPPROTO_UDP, decodeUdp);
