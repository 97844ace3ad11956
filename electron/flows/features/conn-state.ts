import type { PacketRecord } from '../../capture/packet-record';
import type { DecodedPacket } from '../../dissect/decoded-packet';
import { IPPROTO_TCP } from '../../dissect/tcp';
import { IPPROTO_UDP } from '../../dissect/udp';
import { tcpConnState, ZeekUdpSession } from '../conn-state';
import type { FlowFeature } from '../flow-feature';
import { columnOf, type RowWriter } from '../flow-row';
import type { FlowState } from '../flow-state';
import { TcpSegment } from '../tcp-analysis';
import { tcpSegmentOf } from '../tcp-segment-of';
import { ZeekTcpSession } from '../zeek-tcp-session';

const CONN_STATE = columnOf('conn_state');
const HISTORY = columnOf('history');

/** A TCP flow's Zeek session, or another flow's UDP-style one (ICMP and others only emit OTH). */
interface ConnStateState {
  tcp: ZeekTcpSession | null;
  udp: ZeekUdpSession | null;
  first: boolean;
}

const segment = new TcpSegment();

/**
 * Zeek's conn_state and history for each flow. The originator is the flow's
 * source: the engine already makes the receiver of a leading SYN-ACK the
 * source, which Zeek notes as '^'; Zeek's TCP state machine may flip the roles
 * later (a SYN answering a SYN-ACK seen first): '^' again, after which
 * upper-case letters are the flow's destination. Zeek also flips a new connection whose source port
 * is in its likely_server_ports (set by the analyzers it loads); that list is
 * configuration, not protocol, so here the engine's source stays the
 * originator and such a history reads as Zeek's with the case swapped and
 * without the '^' (Zeek's "^hADdFaf" is "HadDfAF").
 *
 * TCP and UDP follow Zeek; ICMP and other protocols are OTH without history, as
 * in Zeek. Checksums are not verified (as `zeek -C`), so 'C' never appears;
 * 'G' (content gaps, found by Zeek's reassembler) is not tracked. Zeek starts
 * a new connection when a SYN reuses a closed 5-tuple; here the engine's flow
 * decides, and its letters continue in the same history.
 */
export const connState: FlowFeature<ConnStateState> = {
  name: 'conn-state',
  create: (tcp) => ({ tcp: tcp ? new ZeekTcpSession() : null, udp: tcp ? null : new ZeekUdpSession(), first: true }),
  init(s) {
    s.tcp?.reset();
    s.udp?.reset();
    s.first = true;
  },
  update(s, f: FlowState, p: DecodedPacket, rec: PacketRecord, _ts, fwd) {
    if (f.proto === IPPROTO_UDP) {
      if (p.hasPorts) s.udp!.packet(fwd);
      return;
    }
    // Zeek drops TCP headers that are short or not fully captured.
    if (f.proto !== IPPROTO_TCP || s.tcp === null) return;
    if (s.first) {
      s.first = false;
      // The engine made the receiver of a leading SYN-ACK the source: Zeek's '^'.
      if (!fwd) s.tcp.noteSourceFlipped();
    }
    if (!tcpSegmentOf(p, rec, segment) || p.tcpHeaderLength < 20) return;
    if (p.l4Offset + p.tcpHeaderLength > rec.offset + rec.caplen) return;
    s.tcp.packet(fwd, segment);
  },
  emit(s, f, row: RowWriter) {
    if (f.proto === IPPROTO_TCP && s.tcp !== null) {
      row[CONN_STATE] = tcpConnState(s.tcp);
      row[HISTORY] = s.tcp.history.empty ? null : s.tcp.history.toString();
    } else if (f.proto === IPPROTO_UDP && s.udp !== null) {
      row[CONN_STATE] = s.udp.connState();
      row[HISTORY] = s.udp.history.empty ? null : s.udp.history.toString();
    } else {
      row[CONN_STATE] = 'OTH';
      row[HISTORY] = null;
    }
  },
};
