import { DecodedPacket, noteDatagram } from './decoded-packet';
import { dispatchIpProtocol, registerEtherType } from './dispatch';

export const ETHERTYPE_IPV6 = 0x86dd;

// Extension headers walked to reach the transport; a bound stops crafted loops.
const HOP_BY_HOP = 0;
const ROUTING = 43;
const FRAGMENT = 44;
const AUTH = 51;
const DEST_OPTS = 60;
const MOBILITY = 135;
const MAX_EXTENSIONS = 8;

// Options (RFC 8200 §4.2) that change what the packet's flow is.
const OPT_PAD1 = 0;
/** Jumbo Payload (RFC 2675): the payload length when the header's is 0. */
const OPT_JUMBO = 0xc2;
/** Home Address (RFC 6275 §6.3): the mobile node's home address stands for the source. */
const OPT_HOME_ADDRESS = 0xc9;

// Routing header types whose addresses name the final destination.
const RT_SOURCE_ROUTE = 0;
const RT_MOBILE_IP = 2;
const RT_SEGMENT_ROUTING = 4;

function word(d: Uint8Array, o: number): number {
  return (d[o] << 24) | (d[o + 1] << 16) | (d[o + 2] << 8) | d[o + 3];
}

function setSource(d: Uint8Array, o: number, p: DecodedPacket): void {
  p.src0 = word(d, o); p.src1 = word(d, o + 4); p.src2 = word(d, o + 8); p.src3 = word(d, o + 12);
}

function setDestination(d: Uint8Array, o: number, p: DecodedPacket): void {
  p.dst0 = word(d, o); p.dst1 = word(d, o + 4); p.dst2 = word(d, o + 8); p.dst3 = word(d, o + 12);
}

const NO_JUMBO = -1;
const MALFORMED_OPTIONS = -2;

/**
 * The TLV options of a hop-by-hop or destination options header, between `o`
 * and `end`: the jumbo payload length, NO_JUMBO, or MALFORMED_OPTIONS when an
 * option runs past the header (Wireshark stops the packet there). A home
 * address option makes the home address the source, as Wireshark's
 * conversations take it.
 */
function walkOptions(d: Uint8Array, o: number, end: number, p: DecodedPacket): number {
  let jumbo = NO_JUMBO;
  while (o < end) {
    const type = d[o];
    if (type === OPT_PAD1) {
      o++;
      continue;
    }
    if (end - o < 2) return MALFORMED_OPTIONS;
    let len = d[o + 1];
    if (type === OPT_HOME_ADDRESS && end - o >= 18) {
      // Wireshark reads (and steps over) the 16-byte address whatever the length byte says.
      setSource(d, o + 2, p);
      if (len < 16) len = 16;
    }
    if (o + 2 + len > end) return MALFORMED_OPTIONS;
    if (type === OPT_JUMBO && len === 4) jumbo = word(d, o + 2) >>> 0;
    o += 2 + len;
  }
  return jumbo;
}

/**
 * A routing header in transit: its addresses name the final destination, which
 * Wireshark's conversations use (type 0 and 2: the last address; segment
 * routing: the first segment).
 */
function finalDestination(d: Uint8Array, o: number, len: number, p: DecodedPacket): void {
  const type = d[o + 2];
  const segmentsLeft = d[o + 3];
  const addresses = (len - 8) >> 4;
  if (segmentsLeft === 0 || addresses === 0) return;
  if (type === RT_SOURCE_ROUTE || type === RT_MOBILE_IP) setDestination(d, o + 8 + (addresses - 1) * 16, p);
  else if (type === RT_SEGMENT_ROUTING) setDestination(d, o + 8, p);
}

/** IPv6 (RFC 8200), walking the extension-header chain. */
export function decodeIpv6(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 40 || d[off] >> 4 !== 6) {
    p.truncated = end - off < 40;
    p.skipReason = p.truncated ? 'truncated IPv6 header' : 'malformed IPv6 header';
    return;
  }
  const payloadLen = (d[off + 4] << 8) | d[off + 5];
  p.ipVersion = 6;
  p.ipOffset = off;
  p.ttl = d[off + 7];
  setSource(d, off + 8, p);
  setDestination(d, off + 24, p);
  // Jumbograms, TSO and BIG TCP captures (payload length 0): the jumbo option, else the frame, bounds the
  // packet; a length beyond the layer's end on the wire is cut to it, as Wireshark does.
  const onWire = (p.wireEnd > end ? p.wireEnd : end) - off;
  let total = payloadLen === 0 || 40 + payloadLen > onWire ? onWire : 40 + payloadLen;
  let ipEnd = off + total < end ? off + total : end;
  let next = d[off + 6];
  let o = off + 40;
  for (let i = 0; i < MAX_EXTENSIONS; i++) {
    if (next === HOP_BY_HOP || next === ROUTING || next === DEST_OPTS || next === MOBILITY) {
      if (ipEnd - o < 8) return truncatedExt(p, next, o - off, total);
      const len = (d[o + 1] + 1) * 8;
      if (o + len > ipEnd) return truncatedExt(p, next, o - off, total);
      if (next === HOP_BY_HOP || next === DEST_OPTS) {
        const jumbo = walkOptions(d, o + 2, o + len, p);
        if (jumbo === MALFORMED_OPTIONS) return truncatedExt(p, d[o], o + len - off, total);
        if (next === HOP_BY_HOP && payloadLen === 0 && jumbo !== NO_JUMBO) {
          total = 40 + jumbo;
          ipEnd = off + total < end ? off + total : end;
        }
      } else if (next === ROUTING) {
        finalDestination(d, o, len, p);
      }
      next = d[o];
      o += len;
    } else if (next === FRAGMENT) {
      if (ipEnd - o < 8) return truncatedExt(p, next, o - off, total);
      const fragOffset = ((d[o + 2] << 8) | d[o + 3]) & 0xfff8;
      p.fragOffset = fragOffset;
      p.moreFragments = (d[o + 3] & 1) !== 0;
      p.ipId = ((d[o + 4] << 24) | (d[o + 5] << 16) | (d[o + 6] << 8) | d[o + 7]) >>> 0;
      next = d[o];
      o += 8;
      // The header after the fragment header names the datagram, in its first fragment and in the later ones alike.
      p.proto = next;
      if (fragOffset !== 0 || p.moreFragments) noteDatagram(p);
      if (fragOffset !== 0) {
        p.ipHeaderLength = o - off;
        p.ipTotalLength = total;
        return;
      }
      // The first fragment of a longer datagram: what it carries goes on past this frame.
      if (p.moreFragments) p.wireEnd = DecodedPacket.UNBOUNDED;
    } else if (next === AUTH) {
      if (ipEnd - o < 8) return truncatedExt(p, next, o - off, total);
      const len = (d[o + 1] + 2) * 4;
      next = d[o];
      o += len;
    } else {
      break;
    }
  }
  p.proto = next;
  p.ipHeaderLength = o - off;
  p.ipTotalLength = total;
  if (o > ipEnd) return truncatedExt(p, next, o - off, total);
  dispatchIpProtocol(next, d, o, ipEnd, p);
  // Only the innermost IP header knows the payload's length (a tunnel decoded an inner one otherwise).
  if (p.hasPorts && p.ipOffset === off) p.payloadWireLength = off + total - p.payloadOffset;
}

/** An extension header cut short or malformed: the packet has no transport header. */
function truncatedExt(p: DecodedPacket, next: number, headerLength: number, total: number): void {
  p.proto = next;
  p.ipHeaderLength = headerLength;
  p.ipTotalLength = total;
  p.truncated = true;
}

registerEtherType(ETHERTYPE_IPV6, decodeIpv6);
