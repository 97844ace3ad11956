/**
 * The per-segment outcomes of Wireshark's TCP sequence analysis
 * (epan/dissectors/packet-tcp.c, TCP_A_*), one bit each. A segment can carry
 * several; the display-filter field each one sets is named beside it.
 */
export const TcpFlag = {
  /** tcp.analysis.retransmission (generic: the segment does not advance the sequence). */
  Retransmission: 0x0001,
  /** tcp.analysis.lost_segment: "previous segment not captured". */
  LostSegment: 0x0002,
  /** tcp.analysis.ack_lost_segment: "ACKed segment that wasn't captured". */
  AckedUnseen: 0x0004,
  /** tcp.analysis.keep_alive */
  KeepAlive: 0x0008,
  /** tcp.analysis.duplicate_ack */
  DuplicateAck: 0x0010,
  /** tcp.analysis.zero_window */
  ZeroWindow: 0x0020,
  /** tcp.analysis.zero_window_probe */
  ZeroWindowProbe: 0x0040,
  /** tcp.analysis.zero_window_probe_ack */
  ZeroWindowProbeAck: 0x0080,
  /** tcp.analysis.keep_alive_ack */
  KeepAliveAck: 0x0100,
  /** tcp.analysis.out_of_order */
  OutOfOrder: 0x0200,
  /** tcp.analysis.fast_retransmission (Wireshark also sets tcp.analysis.retransmission). */
  FastRetransmission: 0x0400,
  /** tcp.analysis.window_update */
  WindowUpdate: 0x0800,
  /** tcp.analysis.window_full */
  WindowFull: 0x1000,
  /** tcp.analysis.reused_ports: a SYN with a new initial sequence number restarted the conversation. */
  ReusedPorts: 0x2000,
  /** tcp.analysis.spurious_retransmission (Wireshark also sets tcp.analysis.retransmission). */
  SpuriousRetransmission: 0x4000,
} as const;

/**
 * Segments that tshark's `tcp.analysis.retransmission` filter matches: its
 * tree adds that field for fast and spurious retransmissions too.
 */
export const ANY_RETRANSMISSION = TcpFlag.Retransmission | TcpFlag.FastRetransmission | TcpFlag.SpuriousRetransmission;
