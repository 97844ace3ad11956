import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerLinkType } from './dispatch';

/** LINKTYPE_C_HDLC: Cisco HDLC, whose protocol field is an EtherType. */
export const DLT_C_HDLC = 104;

/** Address, control, then a 16-bit EtherType (Cisco HDLC, as in Wireshark's chdlc dissector). */
function decodeCiscoHdlc(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 4) {
    p.truncated = true;
    p.skipReason = 'truncated Cisco HDLC header';
    return;
  }
  dispatchEtherType((d[off + 2] << 8) | d[off + 3], d, off + 4, end, p);
}

registerLinkType(DLT_C_HDLC, decodeCiscoHdlc);
