import type { DecodedPacket } from './decoded-packet';
import { dispatchEtherType, registerLinkType } from './dispatch';

/** LINKTYPE_IPOIB: IP over InfiniBand (RFC 4391) as Linux captures it. */
export const DLT_IPOIB = 242;
const IPOIB_HEADER = 44;

/**
 * Two 20-byte InfiniBand hardware addresses (destination, source), then the
 * RFC 4391 §6 encapsulation header: a 2-byte EtherType and 2 reserved bytes.
 */
function decodeIpoib(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < IPOIB_HEADER) {
    p.truncated = true;
    p.skipReason = 'truncated IPoIB header';
    return;
  }
  dispatchEtherType((d[off + 40] << 8) | d[off + 41], d, off + IPOIB_HEADER, end, p);
}

registerLinkType(DLT_IPOIB, decodeIpoib);
