import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, dispatchPppProtocol, registerLinkType, registerPppProtocol } from './dispatch';
import { decodeIpv4 } from './ipv4';
import { decodeIpv6 } from './ipv6';

export const DLT_PPP = 9;
/** LINKTYPE_PPP_HDLC (DLT_PPP_SERIAL): PPP in HDLC-like framing (RFC 1662), or Cisco HDLC. */
export const DLT_PPP_HDLC = 50;
/** LINKTYPE_PPP_WITH_DIR: a direction byte, then PPP. */
export const DLT_PPP_WITH_DIR = 204;
export const PPP_IPV4 = 0x0021;
export const PPP_IPV6 = 0x0057;

/**
 * The PPP protocol field (RFC 1661 §2): two bytes, or one when Protocol-Field-
 * Compression is on, which an odd first byte shows (every protocol number's
 * low byte is odd, its high byte even).
 */
export function decodePppProtocol(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 1 || ((d[off] & 1) === 0 && end - off < 2)) {
    p.truncated = true;
    p.skipReason = 'truncated PPP header';
    return;
  }
  if (d[off] & 1) dispatchPppProtocol(d[off], d, off + 1, end, p);
  else dispatchPppProtocol((d[off] << 8) | d[off + 1], d, off + 2, end, p);
}

/**
 * PPP as libpcap captures it on serial links: the RFC 1662 address and control
 * bytes (0xff 0x03) when not compressed away, or Cisco HDLC framing (address
 * 0x0f or 0x8f, control, then an EtherType), as Wireshark's ppp_hdlc dissector
 * tells them apart.
 */
export function decodePppHdlc(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off >= 1 && (d[off] === 0x0f || d[off] === 0x8f)) {
    if (end - off < 4) {
      p.truncated = true;
      p.skipReason = 'truncated Cisco HDLC header';
      return;
    }
    dispatchEtherType((d[off + 2] << 8) | d[off + 3], d, off + 4, end, p);
    return;
  }
  if (end - off >= 2 && d[off] === 0xff && d[off + 1] === 0x03) off += 2;
  decodePppProtocol(d, off, end, p);
}

/**
 * Whether a PPP frame (optionally with the RFC 1662 address and control bytes)
 * carries IPv4 or IPv6, without decoding it: PPTP tunnels mostly carry
 * compressed or encrypted PPP, which leaves the outer flow as the flow.
 */
export function pppCarriesIp(d: Uint8Array, off: number, end: number): boolean {
  if (end - off >= 2 && d[off] === 0xff && d[off + 1] === 0x03) off += 2;
  if (end - off < 1) return false;
  const proto = d[off] & 1 ? d[off] : end - off >= 2 ? (d[off] << 8) | d[off + 1] : -1;
  return proto === PPP_IPV4 || proto === PPP_IPV6;
}

function decodePppWithDirection(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 1) {
    p.truncated = true;
    p.skipReason = 'truncated PPP header';
    return;
  }
  decodePppHdlc(d, off + 1, end, p);
}

registerLinkType(DLT_PPP, decodePppHdlc);
registerLinkType(DLT_PPP_HDLC, decodePppHdlc);
registerLinkType(DLT_PPP_WITH_DIR, decodePppWithDirection);
registerPppProtocol(PPP_IPV4, decodeIpv4);
registerPppProtocol(PPP_IPV6, decodeIpv6);
