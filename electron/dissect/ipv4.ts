import { DecodedPacket, noteDatagram } from './decoded-packet';
import { dispatchIpProtocol, registerEtherType } from './dispatch';

export const ETHERTYPE_IPV4 = 0x0800;

/**
 * IPv4 (RFC 791). Options are skipped by IHL; non-first fragments carry no
 * transport header. A total length beyond the layer's end on the wire is cut
 * to it, as Wireshark does ("IPv4 total length exceeds packet length").
 */
export function decodeIpv4(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 20 || d[off] >> 4 !== 4) {
    p.truncated = end - off < 20;
    p.skipReason = p.truncated ? 'truncated IPv4 header' : 'malformed IPv4 header';
    return;
  }
  const ihl = (d[off] & 0x0f) * 4;
  let total = (d[off + 2] << 8) | d[off + 3];
  if (ihl < 20 || end - off < ihl) {
    p.truncated = true;
    p.skipReason = 'malformed IPv4 header';
    return;
  }
  // A total length of 0 is what TCP segmentation offload (and BIG TCP) leaves in captures: trust the frame.
  const onWire = (p.wireEnd > end ? p.wireEnd : end) - off;
  if (total === 0 || total > onWire) total = onWire;
  if (total < ihl) {
    p.skipReason = 'malformed IPv4 header';
    return;
  }
  p.ipVersion = 4;
  p.ipOffset = off;
  p.ipHeaderLength = ihl;
  p.ipTotalLength = total;
  p.ttl = d[off + 8];
  p.proto = d[off + 9];
  p.src0 = (d[off + 12] << 24) | (d[off + 13] << 16) | (d[off + 14] << 8) | d[off + 15];
  p.dst0 = (d[off + 16] << 24) | (d[off + 17] << 16) | (d[off + 18] << 8) | d[off + 19];
  p.ipId = (d[off + 4] << 8) | d[off + 5];
  p.moreFragments = (d[off + 6] & 0x20) !== 0;
  p.fragOffset = (((d[off + 6] & 0x1f) << 8) | d[off + 7]) * 8;
  if (p.fragOffset !== 0 || p.moreFragments) noteDatagram(p);
  if (p.fragOffset !== 0) return;
  // The first fragment of a longer datagram: what it carries (a tunnel's inner packet) goes on past this frame.
  if (p.moreFragments) p.wireEnd = DecodedPacket.UNBOUNDED;
  // Ethernet pads short frames: the IP total length, not the frame, bounds the payload.
  const ipEnd = off + total;
  dispatchIpProtocol(p.proto, d, off + ihl, ipEnd < end ? ipEnd : end, p);
  // Only the innermost IP header knows the payload's length (a tunnel decoded an inner one otherwise).
  if (p.hasPorts && p.ipOffset === off) p.payloadWireLength = off + total - p.payloadOffset;
}

registerEtherType(ETHERTYPE_IPV4, decodeIpv4);
