import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeLlc } from './llc';

/** LINKTYPE_FDDI: FDDI frames as libpcap captures them, without padding. */
export const DLT_FDDI = 10;
const FDDI_HEADER = 13;

/** Frame control, destination and source addresses (ANSI X3.139), then 802.2 LLC. */
function decodeFddi(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < FDDI_HEADER) {
    p.truncated = true;
    p.skipReason = 'truncated FDDI header';
    return;
  }
  decodeLlc(d, off + FDDI_HEADER, end, p);
}

registerLinkType(DLT_FDDI, decodeFddi);
