import { varintSize, varintValue } from './quic-varint';
import { quicVersionInfo, type QuicVersionInfo } from './quic-versions';

/** One long-header packet's invariant and Initial fields (RFC 9000 §17.2, §17.2.2; RFC 8999 §5.1). */
export class QuicLongHeader {
  version = 0;
  /** Known version's parameters, undefined for versions we cannot open. */
  info: QuicVersionInfo | undefined = undefined;
  /** Long packet type bits (meaning depends on the version: see isInitial). */
  type = 0;
  dcidOffset = 0;
  dcidLength = 0;
  scidOffset = 0;
  scidLength = 0;
  /** Where the (protected) packet number starts; 0 for Retry and unknown versions. */
  pnOffset = 0;
  /** End of this packet within the datagram (coalesced packets follow it, RFC 9000 §12.2). */
  end = 0;

  get isInitial(): boolean {
    return this.info !== undefined && this.type === this.info.initialType;
  }

  /** Retry is the type after Handshake, modulo 4 (v1: 3, v2: 0). */
  get isRetry(): boolean {
    return this.info !== undefined && this.type === ((this.info.initialType + 3) & 0x03);
  }
}

// RFC 9000 §17.2: a v1 connection ID is at most 20 bytes (drafts and v2 keep the limit).
const MAX_CID = 20;

/**
 * Reads the long header at `o` of a datagram ending at `end`. False when the
 * bytes are not a long-header packet of a version we know, or are cut short.
 */
export function readLongHeader(d: Uint8Array, o: number, end: number, h: QuicLongHeader): boolean {
  if (end - o < 7 || (d[o] & 0x80) === 0) return false;
  h.version = ((d[o + 1] << 24) | (d[o + 2] << 16) | (d[o + 3] << 8) | d[o + 4]) >>> 0;
  h.info = quicVersionInfo(h.version);
  if (h.info === undefined) return false;
  h.type = (d[o] >> 4) & 0x03;
  let p = o + 5;
  h.dcidLength = d[p];
  h.dcidOffset = p + 1;
  p += 1 + h.dcidLength;
  if (h.dcidLength > MAX_CID || p >= end) return false;
  h.scidLength = d[p];
  h.scidOffset = p + 1;
  p += 1 + h.scidLength;
  if (h.scidLength > MAX_CID || p >= end) return false;
  // Retry packets carry no length or packet number (RFC 9000 §17.2.5).
  if (h.isRetry) {
    h.pnOffset = 0;
    h.end = end;
    return true;
  }
  if (h.type === h.info.initialType) {
    const tokenLen = varintAt(d, p, end);
    if (tokenLen < 0) return false;
    p += varintSize(d, p) + tokenLen;
    if (p >= end) return false;
  }
  const length = varintAt(d, p, end);
  if (length < 0) return false;
  p += varintSize(d, p);
  if (p + length > end) return false;
  h.pnOffset = p;
  h.end = p + length;
  return true;
}

function varintAt(d: Uint8Array, p: number, end: number): number {
  if (p >= end || p + varintSize(d, p) > end) return -1;
  return varintValue(d, p);
}
