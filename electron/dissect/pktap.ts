import type { DecodedPacket } from './decoded-packet';
import { linkTypes, registerLinkType } from './dispatch';

/** LINKTYPE_PKTAP: Apple's PKTAP, which wraps a frame of any link type with process information. */
export const DLT_PKTAP = 258;
/** Darwin used DLT_USER2 for PKTAP before 258 was assigned; Wireshark decodes it so. */
export const DLT_USER2 = 149;
/** The fixed fields every PKTAP header version has: length, record type, the inner DLT. */
const MIN_HEADER = 12;

function le32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}

/**
 * The PKTAP header (Darwin's net/pktap.h, in the capturing host's byte order,
 * little-endian on every Mac): its own length, a record type, the DLT of the
 * frame that follows, interface name, process ids and names. The frame is
 * decoded by its own link type.
 */
function decodePktap(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  const len = end - off >= MIN_HEADER ? le32(d, off) : 0;
  if (len < MIN_HEADER || len > end - off) {
    p.truncated = true;
    p.skipReason = 'truncated PKTAP header';
    return;
  }
  const dlt = le32(d, off + 8);
  const inner = dlt !== DLT_PKTAP && dlt !== DLT_USER2 ? linkTypes[dlt] : undefined;
  if (!inner) {
    p.skipReason = `unsupported link type ${dlt} inside PKTAP`;
    return;
  }
  inner(d, off + len, end, p);
}

registerLinkType(DLT_PKTAP, decodePktap);
registerLinkType(DLT_USER2, decodePktap);
