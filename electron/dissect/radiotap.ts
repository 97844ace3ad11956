import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeIeee80211Frame } from './ieee80211';

/** LINKTYPE_IEEE802_11_RADIOTAP: a radiotap header, then an 802.11 frame. */
export const DLT_IEEE802_11_RADIOTAP = 127;

const PRESENT_TSFT = 1 << 0;
const PRESENT_FLAGS = 1 << 1;
const PRESENT_EXT = 1 << 31;
/** Radiotap Flags: the frame ends with its 4-byte FCS; padding between header and body. */
const FLAG_FCS = 0x10;
const FLAG_DATA_PAD = 0x20;
/** Present words chain through bit 31; a bound stops crafted chains. */
const MAX_PRESENT_WORDS = 16;

function le32(d: Uint8Array, o: number): number {
  return (d[o] | (d[o + 1] << 8) | (d[o + 2] << 16) | (d[o + 3] << 24)) >>> 0;
}

/**
 * Radiotap (radiotap.org): version, pad, a little-endian header length, then
 * present bitmaps. Only the Flags field matters here (a trailing FCS, data
 * padding); it follows the 8-byte TSFT when that is present, aligned to 8
 * bytes from the header's start.
 */
function decodeRadiotap(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 8) {
    p.truncated = true;
    p.skipReason = 'truncated radiotap header';
    return;
  }
  const len = d[off + 2] | (d[off + 3] << 8);
  if (len < 8 || off + len > end) {
    p.truncated = true;
    p.skipReason = 'truncated radiotap header';
    return;
  }
  const present = le32(d, off + 4);
  let o = off + 8;
  for (let w = present, i = 0; w & PRESENT_EXT && i < MAX_PRESENT_WORDS && o + 4 <= off + len; i++, o += 4) w = le32(d, o);
  let flags = 0;
  if (present & PRESENT_FLAGS) {
    if (present & PRESENT_TSFT) o = off + (((o - off + 7) & ~7) + 8);
    if (o < off + len) flags = d[o];
  }
  let frameEnd = end;
  if (flags & FLAG_FCS) {
    // The FCS is the last 4 bytes on the wire; cut them from what was captured only if they were captured.
    if (p.wireEnd - end < 4) frameEnd = end - (4 - (p.wireEnd - end));
    p.wireEnd -= 4;
  }
  decodeIeee80211Frame(d, off + len, frameEnd, p, (flags & FLAG_DATA_PAD) !== 0);
}

registerLinkType(DLT_IEEE802_11_RADIOTAP, decodeRadiotap);
