import type { DecodedPacket } from './decoded-packet';
import { registerIpProtocol } from './dispatch';

export const IPPROTO_TCP = 6;

export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_ECE = 0x40;
export const TCP_CWR = 0x80;

/** TCP (RFC 9293). `end` is the end of the IP payload (or of the captured bytes). */
function decodeTcp(d: Uint8Array, off: number, end: number, p: DecodedPacket): void {
  if (end - off < 20) {
    p.truncated = true;
    // A first fragment cut inside the header (RFC 1858's tiny fragments): its ports still name the datagram's flow.
    if (p.moreFragments && end - off >= 4) firstFragmentPorts(d, off, p);
    return;
  }
  const hlen = (d[off + 12] >> 4) * 4;
  p.l4Offset = off;
  p.srcPort = (d[off] << 8) | d[off + 1];
  p.dstPort = (d[off + 2] << 8) | d[off + 3];
  p.tcpSeq = ((d[off + 4] << 24) | (d[off + 5] << 16) | (d[off + 6] << 8) | d[off + 7]) >>> 0;
  p.tcpAck = ((d[off + 8] << 24) | (d[off + 9] << 16) | (d[off + 10] << 8) | d[off + 11]) >>> 0;
  p.tcpFlags = d[off + 13];
  p.tcpWindow = (d[off + 14] << 8) | d[off + 15];
  p.tcpHeaderLength = hlen;
  p.hasPorts = true;
  if (hlen < 20) {
    p.truncated = true;
    p.payloadOffset = off + 20;
    p.payloadLength = 0;
    return;
  }
  if (hlen > 20) decodeOptions(d, off + 20, Math.min(off + hlen, end), p);
  p.payloadOffset = off + hlen;
  p.payloadLength = end - off > hlen ? end - off - hlen : 0;
}

/** The ports of a header that goes on in the next fragment; nothing after them is known. */
export function firstFragmentPorts(d: Uint8Array, off: number, p: DecodedPacket): void {
  p.l4Offset = off;
  p.srcPort = (d[off] << 8) | d[off + 1];
  p.dstPort = (d[off + 2] << 8) | d[off + 3];
  p.hasPorts = true;
  p.payloadOffset = p.payloadLength = 0;
}

/** MSS, window scale, SACK-permitted, SACK blocks and timestamps (RFC 9293, 7323, 2018). */
function decodeOptions(d: Uint8Array, o: number, end: number, p: DecodedPacket): void {
  while (o < end) {
    const kind = d[o];
    if (kind === 0) return;
    if (kind === 1) {
      o++;
      continue;
    }
    if (o + 1 >= end) return;
    const len = d[o + 1];
    if (len < 2 || o + len > end) return;
    switch (kind) {
      case 2:
        if (len === 4) p.tcpMss = (d[o + 2] << 8) | d[o + 3];
        break;
      case 3:
        if (len === 3) p.tcpWindowScale = d[o + 2];
        break;
      case 4:
        p.tcpSackPermitted = true;
        break;
      case 5: {
        const n = Math.min(4, (len - 2) >> 3);
        for (let i = 0; i < n; i++) {
          const b = o + 2 + i * 8;
          p.tcpSackLeft[i] = ((d[b] << 24) | (d[b + 1] << 16) | (d[b + 2] << 8) | d[b + 3]) >>> 0;
          p.tcpSackRight[i] = ((d[b + 4] << 24) | (d[b + 5] << 16) | (d[b + 6] << 8) | d[b + 7]) >>> 0;
        }
        p.tcpSackCount = n;
        break;
      }
      case 8:
        if (len === 10) {
          p.tcpHasTimestamp = true;
          p.tcpTsVal = ((d[o + 2] << 24) | (d[o + 3] << 16) | (d[o + 4] << 8) | d[o + 5]) >>> 0;
          p.tcpTsEcr = ((d[o + 6] << 24) | (d[o + 7] << 16) | (d[o + 8] << 8) | d[o + 9]) >>> 0;
        }
        break;
    }
    o += len;
  }
}

registerIpProtocol(IPPROTO_TCP, decodeTcp);
