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
    return;
  }
  const hlen = (d[off + 12] >> 4) * 4;
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
  p.payloadOffset = off + hlen;
  p.payloadLength = end - off > hlen ? end - off - hlen : 0;
}

registerIpProtocol(IPPROTO_TCP, decodeTcp);
