import type { PacketRecord } from '../capture/packet-record';
import type { DecodedPacket } from '../dissect/decoded-packet';
import { IPPROTO_TCP } from '../dissect/tcp';
import type { TcpSegment } from './tcp-analysis';

/**
 * Fills `s` from a decoded TCP packet and says whether Wireshark would analyze
 * it. It would not for an IP fragment (it analyzes the reassembled segment
 * instead), for a TCP header that was cut off, or when the IP length leaves no
 * room for the TCP header ("short segment"). The segment length comes from the
 * IP length, as Wireshark's tcp.len, so snaplen and Ethernet padding do not count.
 * The decoder has already cut an IP length beyond the frame's length on the wire
 * to it, as Wireshark does ("IPv4 total length exceeds packet length"), except
 * inside a tunnel whose outer datagram is fragmented: there the inner segment
 * goes on in later fragments, and Wireshark analyses it whole once reassembled.
 */
export function tcpSegmentOf(p: DecodedPacket, rec: PacketRecord, s: TcpSegment): boolean {
  if (p.proto !== IPPROTO_TCP || !p.hasPorts || p.icmpError) return false;
  if (p.fragOffset !== 0 || p.moreFragments) return false;
  const len = p.ipOffset + p.ipTotalLength - p.l4Offset - p.tcpHeaderLength;
  if (len < 0) return false;
  s.seq = p.tcpSeq;
  s.ack = p.tcpAck;
  s.len = len;
  s.flags = p.tcpFlags;
  s.window = p.tcpWindow;
  s.windowScale = p.tcpWindowScale;
  s.sec = rec.tsSec;
  s.nsec = rec.tsNsec;
  return true;
}
