import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerIpProtocol } from './dispatch';
import { decodeEthernet } from './ethernet';

export const IPPROTO_GRE = 47;
const TRANSPARENT_ETHERNET = 0x6558;
const ERSPAN_II = 0x88be;
const ERSPAN_III = 0x22eb;

/**
 * GRE (RFC 2784/2890), version 0: the encapsulated packet is the flow. Optional
 * checksum, key and sequence fields shift the payload. ERSPAN (types II and III)
 * rides on GRE and carries a mirrored Ethernet frame. Version 1 (PPTP) keeps the
 * outer flow: its payload is PPP, usually compressed or encrypted.
 */
function decodeGre(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4) return;
  const flags = d[off];
  if ((d[off + 1] & 0x07) !== 0) return;
  let o = off + 4;
  if (flags & 0x80) o += 4;
  if (flags & 0x20) o += 4;
  if (flags & 0x10) o += 4;
  if (o > end) return;
  const type = (d[off + 2] << 8) | d[off + 3];
  if (type === TRANSPARENT_ETHERNET) return inner(d, o, end, p, 'gre', true);
  if (type === ERSPAN_II) return inner(d, o + 8, end, p, 'erspan', true);
  if (type === ERSPAN_III) {
    // ERSPAN III: 12-byte header, plus an 8-byte platform sub-header when O is set.
    const hasSub = o + 12 <= end && (d[o + 11] & 0x01) !== 0;
    return inner(d, o + 12 + (hasSub ? 8 : 0), end, p, 'erspan', true);
  }
  if (type === 0x0800 || type === 0x86dd) inner(d, o, end, p, 'gre', false, type);
}

function inner(d: Uint8Array, o: number, end: number, p: DecodedPacket, tunnel: string, ethernet: boolean, etherType = 0): void {
  if (o >= end) return;
  p.resetForInner(tunnel);
  if (ethernet) decodeEthernet(d, o, end, p);
  else dispatchEtherType(etherType, d, o, end, p);
  if (p.ipVersion === 0 && !p.skipReason) p.skipReason = `no IP inside ${tunnel}`;
}

registerIpProtocol(IPPROTO_GRE, decodeGre);
