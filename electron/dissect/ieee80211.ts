import type { DecodedPacket } from './decoded-packet';
import { registerLinkType } from './dispatch';
import { decodeLlc } from './llc';

/** LINKTYPE_IEEE802_11: 802.11 frames without radio information (monitor mode). */
export const DLT_IEEE802_11 = 105;

const TYPE_DATA = 2;
const TO_DS = 0x01;
const FROM_DS = 0x02;
const PROTECTED = 0x40;
/** The Order bit: in a QoS data frame it announces a 4-byte HT Control field (+HTC). */
const ORDER = 0x80;
const QOS_SUBTYPE = 0x08;
/** Null function subtypes (null, QoS null, CF-Ack/Poll without data) carry no body. */
const NO_DATA_SUBTYPE = 0x04;
/** QoS Control bit 7: the body is an A-MSDU. */
const AMSDU_PRESENT = 0x80;

function skip(p: DecodedPacket, reason: string): void {
  p.skipReason = reason;
}

/**
 * An IEEE 802.11 MAC frame (802.11-2020 §9.2): only data frames carry IP. The
 * frame control field (little-endian) gives the type, subtype and flags; the
 * header is 24 bytes, 30 with a fourth address (to and from the DS), plus QoS
 * Control and HT Control when present. The body is LLC/SNAP; an A-MSDU
 * (§9.3.2.2.2) is subframes of destination, source and length before LLC, and
 * the first subframe is decoded. Protected (encrypted) frames and fragments
 * after the first are skipped.
 */
export function decodeIeee80211(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  decodeIeee80211Frame(d, off, end, p, false);
}

/** The same, with the body aligned to 4 bytes after the header when the capture pads it (radiotap's data-pad flag). */
export function decodeIeee80211Frame(d: Uint8Array, off: number, end: number, p: DecodedPacket, dataPad: boolean): void {
  if (end - off < 2) {
    p.truncated = true;
    return skip(p, 'truncated 802.11 header');
  }
  const fc = d[off];
  const flags = d[off + 1];
  if (((fc >> 2) & 0x03) !== TYPE_DATA) return skip(p, 'non-data 802.11 frame');
  const subtype = fc >> 4;
  if (subtype & NO_DATA_SUBTYPE) return skip(p, 'non-IP frame');
  if (flags & PROTECTED) return skip(p, 'encrypted 802.11 frame');
  let o = off + ((flags & (TO_DS | FROM_DS)) === (TO_DS | FROM_DS) ? 30 : 24);
  let amsdu = false;
  if (subtype & QOS_SUBTYPE) {
    amsdu = o + 2 <= end && (d[o] & AMSDU_PRESENT) !== 0;
    o += 2;
    if (flags & ORDER) o += 4;
  }
  if (dataPad) o = off + ((o - off + 3) & ~3);
  if (o > end) {
    p.truncated = true;
    return skip(p, 'truncated 802.11 header');
  }
  // The sequence control field's fragment number: later fragments hold no LLC header.
  if ((d[off + 22] & 0x0f) !== 0) return skip(p, 'fragmented 802.11 frame');
  if (amsdu) {
    if (end - o < 14) {
      p.truncated = true;
      return skip(p, 'truncated A-MSDU subframe');
    }
    const subEnd = o + 14 + ((d[o + 12] << 8) | d[o + 13]);
    p.macOffset = o;
    return decodeLlc(d, o + 14, subEnd < end ? subEnd : end, p);
  }
  decodeLlc(d, o, end, p);
}

registerLinkType(DLT_IEEE802_11, decodeIeee80211);
