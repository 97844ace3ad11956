import type { DecodedPacket } from './decoded-packet';
import { registerEtherType } from './dispatch';
import { decodeEthernet } from './ethernet';

/** IEEE 802.1ah Provider Backbone Bridges (mac-in-mac): the I-Tag's EtherType. */
export const ETHERTYPE_PBB = 0x88e7;

/**
 * The I-Tag (IEEE 802.1Q-2018 §9.7): priority, drop eligibility, use-customer-
 * address and reserved bits, the 24-bit I-SID, then the customer's Ethernet
 * frame (destination, source, EtherType). The customer frame is the flow.
 */
function decodePbb(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4 + 14) {
    p.truncated = true;
    p.skipReason = 'truncated 802.1ah I-Tag';
    return;
  }
  p.tunnel = 'pbb';
  decodeEthernet(d, off + 4, end, p);
}

registerEtherType(ETHERTYPE_PBB, decodePbb);
