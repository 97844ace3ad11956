import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerIpProtocol, registerUdpPort } from './dispatch';
import { decodeEthernet } from './ethernet';
import { decodeIeee80211 } from './ieee80211';
import { decodePppHdlc, pppCarriesIp } from './ppp';

export const IPPROTO_GRE = 47;
/** GRE in UDP (RFC 8086 §3). */
export const GRE_IN_UDP_PORT = 4754;
const TRANSPARENT_ETHERNET = 0x6558;
const ERSPAN_II = 0x88be;
const ERSPAN_III = 0x22eb;
const PPP = 0x880b;
const WCCP = 0x883e;
/** Aruba access points tunnel 802.11 frames under 0x8200-0x83f0 (as Wireshark's ieee80211 dissector registers them). */
const ARUBA_FIRST = 0x8200;
const ARUBA_LAST = 0x83f0;

/**
 * GRE (RFC 2784/2890) and enhanced GRE (RFC 2637 §4.1, PPTP): the encapsulated
 * packet is the flow. Optional fields shift the payload: checksum (C),
 * key (K; version 1 always has it, payload length and call id), sequence (S),
 * and in version 1 the acknowledgment (A). ERSPAN (types II and III) carries a
 * mirrored Ethernet frame, WCCP a redirected IP packet, Aruba an 802.11 frame.
 * PPP (PPTP) is followed when it carries IP; compressed or encrypted PPP keeps
 * the outer GRE flow. False when the header is not GRE this decoder follows.
 */
function decodeGre(d: Uint8Array, off: number, end: number, p: DecodedPacket): boolean {
  if (end - off < 4) return false;
  const flags = d[off];
  const version = d[off + 1] & 0x07;
  if (version > 1) return false;
  let o = off + 4;
  if (flags & 0x80) o += 4;
  if (flags & 0x20 || version === 1) o += 4;
  if (flags & 0x10) o += 4;
  if (version === 1 && d[off + 1] & 0x80) o += 4;
  if (o > end) return false;
  const type = (d[off + 2] << 8) | d[off + 3];
  if (type === PPP) {
    if (!pppCarriesIp(d, o, end)) return false;
    p.resetForInner('gre');
    decodePppHdlc(d, o, end, p);
    return true;
  }
  if (version !== 0) return false;
  if (type === TRANSPARENT_ETHERNET) return inner(d, o, end, p, 'gre', 0);
  if (type === ERSPAN_II) return inner(d, o + 8, end, p, 'erspan', 0);
  if (type === ERSPAN_III) {
    // ERSPAN III: 12-byte header, plus an 8-byte platform sub-header when O is set.
    const hasSub = o + 12 <= end && (d[o + 11] & 0x01) !== 0;
    return inner(d, o + 12 + (hasSub ? 8 : 0), end, p, 'erspan', 0);
  }
  if (type === WCCP) {
    // WCCP v2 puts a 4-byte redirect header before the packet; v1 does not (the version nibble tells).
    return inner(d, o < end && d[o] >> 4 === 4 ? o : o + 4, end, p, 'gre', 0x0800);
  }
  if (type >= ARUBA_FIRST && type <= ARUBA_LAST && (type & 0x0f) === 0) {
    if (o >= end) return false;
    p.resetForInner('gre');
    decodeIeee80211(d, o, end, p);
    if (p.ipVersion === 0 && !p.skipReason) p.skipReason = 'no IP inside gre';
    return true;
  }
  if (type === 0x0800 || type === 0x86dd) return inner(d, o, end, p, 'gre', type);
  return false;
}

/** The inner packet: an Ethernet frame (etherType 0) or what the EtherType names. */
function inner(d: Uint8Array, o: number, end: number, p: DecodedPacket, tunnel: string, etherType: number): boolean {
  if (o >= end) return false;
  p.resetForInner(tunnel);
  if (etherType === 0) decodeEthernet(d, o, end, p);
  else dispatchEtherType(etherType, d, o, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = `no IP inside ${tunnel}`;
  return true;
}

registerIpProtocol(IPPROTO_GRE, (d, off, end, p) => {
  decodeGre(d, off, end, p);
});
registerUdpPort(GRE_IN_UDP_PORT, decodeGre);
