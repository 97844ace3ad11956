import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerEtherType, registerLinkType } from './dispatch';
import { decodeLlc } from './llc';

export const DLT_EN10MB = 1;
const ETHERTYPE_VLAN = 0x8100;
const ETHERTYPE_QINQ = 0x88a8;
const ETHERTYPE_QINQ_OLD = 0x9100;

/** Type/length values up to this are an 802.3 length (IEEE 802.3 §3.2.6). */
const MAX_8023_LENGTH = 1500;

/**
 * Ethernet II, or IEEE 802.3 with an 802.2 LLC header: a type/length value up
 * to 1500 is the length of the LLC data, which bounds it (the frame may be
 * padded). Novell's raw 802.3 (IPX straight after the length, 0xffff) carries
 * no IP.
 */
function decodeEthernet(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 14) {
    p.truncated = true;
    p.skipReason = 'truncated Ethernet header';
    return;
  }
  p.macOffset = off;
  const type = (d[off + 12] << 8) | d[off + 13];
  if (type > MAX_8023_LENGTH) {
    dispatchEtherType(type, d, off + 14, end, p);
    return;
  }
  const dataEnd = off + 14 + type;
  if (dataEnd < p.wireEnd) p.wireEnd = dataEnd;
  if (end - off >= 16 && d[off + 14] === 0xff && d[off + 15] === 0xff) p.skipReason = 'non-IP frame';
  else decodeLlc(d, off + 14, dataEnd < end ? dataEnd : end, p);
}

/** 802.1Q and 802.1ad tags: the VLAN id is part of the flow key (the innermost tag wins). */
function decodeVlanTag(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4) {
    p.truncated = true;
    p.skipReason = 'truncated VLAN tag';
    return;
  }
  p.vlan = ((d[off] & 0x0f) << 8) | d[off + 1];
  dispatchEtherType((d[off + 2] << 8) | d[off + 3], d, off + 4, end, p);
}

registerLinkType(DLT_EN10MB, decodeEthernet);

export { decodeEthernet };
registerEtherType(ETHERTYPE_VLAN, decodeVlanTag);
registerEtherType(ETHERTYPE_QINQ, decodeVlanTag);
registerEtherType(ETHERTYPE_QINQ_OLD, decodeVlanTag);
