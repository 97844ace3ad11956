import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerEtherType, registerLinkType } from './dispatch';

export const DLT_EN10MB = 1;
const ETHERTYPE_VLAN = 0x8100;
const ETHERTYPE_QINQ = 0x88a8;
const ETHERTYPE_QINQ_OLD = 0x9100;

/** Ethernet II (and 802.3 lengths, which carry no IP and are skipped). */
function decodeEthernet(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 14) {
    p.truncated = true;
    p.skipReason = 'truncated Ethernet header';
    return;
  }
  p.macOffset = off;
  const type = (d[off + 12] << 8) | d[off + 13];
  if (type < 0x0600) {
    p.skipReason = 'non-IP frame';
    return;
  }
  dispatchEtherType(type, d, off + 14, end, p);
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
