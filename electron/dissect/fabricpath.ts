import type { DecodedPacket } from './decoded-packet';
import { registerEtherType } from './dispatch';
import { decodeEthernet } from './ethernet';

/** Cisco FabricPath (DCE): the outer header's EtherType. */
export const ETHERTYPE_FABRICPATH = 0x8903;

/**
 * Cisco FabricPath: an outer destination and source switch address, the
 * EtherType 0x8903 and a 2-byte FTag/TTL, then the original Ethernet frame,
 * which is the flow. Captures end with that frame; Wireshark's dissector takes
 * the last 4 bytes for an FCS, which the corpus's frames do not carry.
 */
function decodeFabricPath(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 2 + 14) {
    p.truncated = true;
    p.skipReason = 'truncated FabricPath header';
    return;
  }
  p.tunnel = 'fabricpath';
  decodeEthernet(d, off + 2, end, p);
}

registerEtherType(ETHERTYPE_FABRICPATH, decodeFabricPath);
