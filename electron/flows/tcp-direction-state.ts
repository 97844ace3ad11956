/** Window scale of a direction still unknown (no SYN seen), as Wireshark's win_scale -1. */
export const SCALE_UNKNOWN = -1;
/** The handshake was seen without the option on both SYNs: windows are not scaled (win_scale -2). */
export const SCALE_NONE = -2;

/**
 * What Wireshark remembers about one direction of a TCP conversation for its
 * sequence analysis (tcp_flow_t and tcp_analyze_seq_flow_info_t). Zero means
 * "not seen yet" for nextSeq, lastAck and maxSeqToBeAcked, exactly as in
 * Wireshark, which cannot tell a real 0 from an unset value either.
 */
export class TcpDirectionState {
  baseSeqSet = false;
  /** Initial sequence number (relative sequence base); a SYN's seq, else seq - 1. */
  baseSeq = 0;
  /** Highest "next sequence number" seen, and when it was set. */
  nextSeq = 0;
  nextSeqSec = 0;
  nextSeqNsec = 0;
  /** Highest sequence reached without a hole: what the peer may acknowledge. */
  maxSeqToBeAcked = 0;
  /** ACK number of the last segment, and when it was seen. */
  lastAck = 0;
  lastAckSec = 0;
  lastAckNsec = 0;
  /** Raw window field of the last segment; Wireshark starts it at G_MAXUINT32. */
  window = 0xffffffff;
  /** Window-scale shift, or SCALE_UNKNOWN / SCALE_NONE. */
  winScale = SCALE_UNKNOWN;
  /** Set by a SYN, cleared by the first pure ACK: windows count unscaled until then (Wireshark issue 14690). */
  firstAckPending = false;
  /** Duplicate ACKs sent in a row; -1 right after an "ACKed unseen segment". */
  dupAcks = 0;
  /** Analysis flags of this direction's last segment. */
  lastSegmentFlags = 0;

  reset(): void {
    this.baseSeqSet = false;
    this.baseSeq = 0;
    this.nextSeq = this.nextSeqSec = this.nextSeqNsec = 0;
    this.maxSeqToBeAcked = 0;
    this.lastAck = this.lastAckSec = this.lastAckNsec = 0;
    this.window = 0xffffffff;
    this.winScale = SCALE_UNKNOWN;
    this.firstAckPending = false;
    this.dupAcks = 0;
    this.lastSegmentFlags = 0;
  }
}
