export type Counter =
  | 'retransmissions' | 'fast_retransmissions' | 'spurious_retransmissions' | 'out_of_order' | 'dup_acks'
  | 'zero_windows' | 'window_full' | 'keep_alives' | 'lost_segments' | 'resets';

export type Counts = Record<Counter, number>;

export interface ParityException {
  capture: string;
  /**
   * flow-split: the engine ended a flow (idle/active timeout) inside one tshark conversation, so the next flow starts
   * without the sequence state; not-decoded: the TCP sits in a link type or encapsulation the engine does not decode
   * yet; vlan-key: the engine keys flows by VLAN, Wireshark 4.0 conversations do not.
   */
  kind: 'flow-split' | 'not-decoded' | 'vlan-key';
  reason: string;
  /** The counters that differ: ours and tshark's totals for the file. */
  ours: Partial<Counts>;
  tshark: Partial<Counts>;
}

const IDLE = 'the engine ended the flow after more than 120 s without a packet (idle timeout) while tshark kept one conversation; the next flow starts without sequence state';
const CLOCK = 'fuzzed timestamps jump 2^21 s ahead and back, so the engine\'s idle timeout ends every flow; the later packets start new flows without sequence state';

/**
 * Where per-file totals differ from tshark, and why. Each entry pins both
 * sides' numbers, so any other change still fails the test; flow-split
 * entries are also checked to agree exactly once the engine's timeouts are off.
 */
export const EXCEPTIONS: ParityException[] = [
  // Flow splitting by the engine's timeouts (tshark conversations have none).
  { capture: 'apps/ndpi/pcap/alexa-app.pcapng', kind: 'flow-split', reason: IDLE, ours: { dup_acks: 116 }, tshark: { dup_acks: 117 } },
  { capture: 'apps/ndpi/pcap/wechat.pcap', kind: 'flow-split', reason: IDLE, ours: { dup_acks: 31, lost_segments: 11 }, tshark: { dup_acks: 34, lost_segments: 13 } },
  { capture: 'tcp/zeek/tcp/retransmit-timeout.pcapng', kind: 'flow-split', reason: `${IDLE} (the retransmission comes 300 s later)`, ours: { retransmissions: 0, spurious_retransmissions: 0 }, tshark: { retransmissions: 1, spurious_retransmissions: 1 } },
  { capture: 'robustness/tcpdump/of13_ericsson.pcapng', kind: 'flow-split', reason: `${IDLE} (a 367 s gap)`, ours: { lost_segments: 4 }, tshark: { lost_segments: 16 } },
  { capture: 'robustness/tcpdump/kday3.pcap', kind: 'flow-split', reason: CLOCK, ours: { retransmissions: 0, dup_acks: 0 }, tshark: { retransmissions: 1, dup_acks: 2 } },
  { capture: 'robustness/tcpdump/kday4.pcap', kind: 'flow-split', reason: CLOCK, ours: { retransmissions: 1 }, tshark: { retransmissions: 2 } },
  { capture: 'robustness/tcpdump/kday7.pcap', kind: 'flow-split', reason: CLOCK, ours: { retransmissions: 1 }, tshark: { retransmissions: 2 } },

  // TCP inside a link type or encapsulation that the engine does not decode yet: it sees none (or half) of it.
  { capture: 'apps/ndpi/pcap/vxlan.pcap', kind: 'not-decoded', reason: 'TCP inside VXLAN', ours: { resets: 0 }, tshark: { resets: 3 } },
  { capture: 'robustness/tcpdump/bgp-infinite-loop.pcap', kind: 'not-decoded', reason: 'Linux cooked capture (DLT 113)', ours: { retransmissions: 0 }, tshark: { retransmissions: 1 } },
  { capture: 'robustness/tcpdump/bgp-role.pcapng', kind: 'not-decoded', reason: 'Linux cooked capture (DLT 113)', ours: { lost_segments: 0 }, tshark: { lost_segments: 1 } },
  { capture: 'robustness/tcpdump/mptcp-tcprst.pcap', kind: 'not-decoded', reason: 'raw IP link type (DLT 101)', ours: { resets: 0 }, tshark: { resets: 2 } },
  { capture: 'robustness/tcpdump/tcp_rst_diag_payload.pcap', kind: 'not-decoded', reason: 'BSD loopback link type (DLT 0)', ours: { resets: 0 }, tshark: { resets: 1 } },
  { capture: 'robustness/tcpdump/tcp_rst_diag_payload-trunc.pcap', kind: 'not-decoded', reason: 'BSD loopback link type (DLT 0)', ours: { resets: 0 }, tshark: { resets: 1 } },
  { capture: 'robustness/zeek/tunnels/socks.pcap', kind: 'not-decoded', reason: 'BSD loopback link type (DLT 0)', ours: { dup_acks: 0 }, tshark: { dup_acks: 1 } },
  { capture: 'robustness/zeek/nflog-http.pcap', kind: 'not-decoded', reason: 'NFLOG link type (DLT 239)', ours: { retransmissions: 0 }, tshark: { retransmissions: 2 } },
  { capture: 'robustness/zeek/llc.pcap', kind: 'not-decoded', reason: 'FDDI with LLC/SNAP (DLT 10)', ours: { resets: 0 }, tshark: { resets: 1333 } },
  { capture: 'robustness/zeek/mixed-vlan-mpls.pcap', kind: 'not-decoded', reason: 'TCP inside MPLS', ours: { dup_acks: 0 }, tshark: { dup_acks: 1 } },
  { capture: 'robustness/zeek/pppoe-over-qinq.pcap', kind: 'not-decoded', reason: 'TCP inside PPPoE', ours: { retransmissions: 0, spurious_retransmissions: 0, out_of_order: 0, dup_acks: 0 }, tshark: { retransmissions: 23, spurious_retransmissions: 12, out_of_order: 2, dup_acks: 13 } },
  { capture: 'robustness/zeek/erspan.pcap', kind: 'not-decoded', reason: 'TCP inside GRE/ERSPAN', ours: { lost_segments: 0 }, tshark: { lost_segments: 5 } },
  { capture: 'robustness/zeek/tunnels/gre-aruba.pcap', kind: 'not-decoded', reason: 'TCP inside GRE (Aruba)', ours: { dup_acks: 0, zero_windows: 0, resets: 0 }, tshark: { dup_acks: 877, zero_windows: 9, resets: 2 } },
  { capture: 'robustness/zeek/tunnels/tunnel-direct-bypass.pcap', kind: 'not-decoded', reason: 'every other segment of the connection is inside GRE: the engine sees only the direct half, a hole before each segment', ours: { lost_segments: 9 }, tshark: { lost_segments: 0 } },
  { capture: 'robustness/zeek/tunnels/gtp/gtp1_gn_normal_incl_fragmentation.pcap', kind: 'not-decoded', reason: 'TCP inside GTP-U', ours: { lost_segments: 0 }, tshark: { lost_segments: 3 } },
  { capture: 'robustness/zeek/tunnels/gtp/gtp6_gtp_0x32.pcap', kind: 'not-decoded', reason: 'TCP inside GTP-U', ours: { retransmissions: 0 }, tshark: { retransmissions: 1 } },
  { capture: 'robustness/zeek/tunnels/gtp/gtp9_unknown_or_too_short_payload.pcap', kind: 'not-decoded', reason: 'TCP inside GTP-U', ours: { lost_segments: 0 }, tshark: { lost_segments: 1 } },

  // Deliberate: a flow is keyed by VLAN too; Wireshark 4.0 merges the same 5-tuple seen on several VLANs into one conversation.
  { capture: 'robustness/zeek/vlan-collisions.pcap', kind: 'vlan-key', reason: 'the same connection on VLANs 42, 10/20 and untagged: one conversation for tshark, where each copy is a retransmission', ours: { retransmissions: 0, spurious_retransmissions: 0, dup_acks: 0, keep_alives: 0 }, tshark: { retransmissions: 18, spurious_retransmissions: 4, dup_acks: 1, keep_alives: 4 } },
  { capture: 'robustness/zeek/vlan-pcp-dei.pcapng', kind: 'vlan-key', reason: 'each segment seen with inner VLAN 20 and untagged: one conversation for tshark', ours: { retransmissions: 2, dup_acks: 1 }, tshark: { retransmissions: 4, dup_acks: 2 } },
];
