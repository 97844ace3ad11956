import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../dissect/tcp';
import { TcpFlag as F } from './tcp-analysis-flags';
import { TcpDirectionState, SCALE_NONE, SCALE_UNKNOWN } from './tcp-direction-state';
import { nsBetween, seqAdd, seqGt, seqLe, seqLt, u64Less } from './tcp-seq';

const SYN_FIN_RST = TCP_SYN | TCP_FIN | TCP_RST;
/** Wireshark's fast-retransmission window after the last duplicate ACK: 20 ms. */
const FAST_RETRANSMISSION_NS = 20_000_000;
/** Out-of-order threshold while no handshake RTT is known: 3 ms. */
const DEFAULT_OOO_NS = 3_000_000;
/** RFC 7323 section 2.3: a shift count above 14 is treated as 14 (Wireshark does the same). */
const MAX_WINDOW_SHIFT = 14;

/** One TCP segment as the analyzer needs it; the caller fills one reused instance. */
export class TcpSegment {
  seq = 0;
  ack = 0;
  /** Payload length from the IP header's length (Wireshark's tcp.len), not the captured bytes. */
  len = 0;
  flags = 0;
  /** The raw 16-bit window field. */
  window = 0;
  /** Window-scale option shift, -1 when the segment has none. */
  windowScale = -1;
  sec = 0;
  nsec = 0;
}

/**
 * Wireshark's TCP sequence analysis for one conversation, rebuilt from
 * packet-tcp.c as shipped in Wireshark 4.0 (`tcp_analyze_sequence_number()`
 * and the conversation bookkeeping around it in `dissect_tcp()`), so that the
 * flags match `tcp.analysis.*` segment for segment. Checks run in Wireshark's
 * order, because several of them stop at the first match. Where the source
 * history left a choice (the ACKed-unseen bookkeeping, the check order of
 * spurious/fast/out-of-order), tshark 4.0.17 on the corpus and on generated
 * captures decided; see test/integration/tcp-analysis-*.test.ts.
 *
 * All state lives in two preallocated direction objects: analyzing a segment
 * allocates nothing.
 */
export class TcpAnalyzer {
  /** State of the segments sent by the flow's source, and by its destination. */
  readonly src = new TcpDirectionState();
  readonly dst = new TcpDirectionState();
  /** Handshake RTT (last SYN to first pure ACK) in ns; 0 means unknown, as Wireshark's zero nstime. */
  private firstRttNs = 0;
  /** Time of the most recent SYN (without ACK); 0/0 means none, as Wireshark's zero nstime. */
  private mruSynSec = 0;
  private mruSynNsec = 0;

  reset(): void {
    this.src.reset();
    this.dst.reset();
    this.firstRttNs = 0;
    this.mruSynSec = this.mruSynNsec = 0;
  }

  /** Analyzes a segment sent by the flow's source (`fromSource`) or destination; returns TcpFlag bits. */
  analyze(s: TcpSegment, fromSource: boolean): number {
    const fwd = fromSource ? this.src : this.dst;
    const rev = fromSource ? this.dst : this.src;
    let ta = this.checkPortReuse(s, fwd);
    ta = this.analyzeSequence(s, fwd, rev, ta);
    this.afterOptions(s, fwd, rev);
    return ta;
  }

  /**
   * dissect_tcp() before the analysis: a SYN whose sequence number differs from
   * the one this direction started with opens a new conversation ("TCP Port
   * numbers reused"), with fresh analysis state; a SYN repeating it is left
   * for the retransmission checks.
   */
  private checkPortReuse(s: TcpSegment, fwd: TcpDirectionState): number {
    const synAck = s.flags & (TCP_SYN | TCP_ACK);
    if (!fwd.baseSeqSet) return 0;
    if (synAck === TCP_SYN) {
      if (s.seq !== fwd.baseSeq) {
        this.reset();
        return F.ReusedPorts;
      }
      return 0;
    }
    if (synAck === (TCP_SYN | TCP_ACK) && s.seq !== fwd.baseSeq) {
      // The SYN-ACK of the new connection: Wireshark rebases this direction (issue 16944).
      fwd.baseSeq = s.seq;
      return F.ReusedPorts;
    }
    return 0;
  }

  /** tcp_analyze_sequence_number(), in Wireshark's order of checks. */
  private analyzeSequence(s: TcpSegment, fwd: TcpDirectionState, rev: TcpDirectionState, ta: number): number {
    const { seq, ack, len, flags, window } = s;
    // Relative sequence bases: a SYN starts the count, anything else starts one before it.
    if (!fwd.baseSeqSet) {
      fwd.baseSeq = flags & TCP_SYN ? seq : (seq - 1) >>> 0;
      fwd.baseSeqSet = true;
    }
    if (!rev.baseSeqSet && flags & TCP_ACK) {
      rev.baseSeq = (ack - 1) >>> 0;
      rev.baseSeqSet = true;
    }
    ta = this.classifyAck(s, fwd, rev, ta);
    // "If the ack number changed we must reset the dupack counters."
    if (ack !== fwd.lastAck) fwd.dupAcks = 0;
    ta = this.checkAckedUnseen(ack, flags, rev, ta);
    if (len > 0 || flags & (TCP_SYN | TCP_FIN)) ta = this.classifyRetransmission(s, fwd, rev, ta);
    this.advance(s, fwd, ta);
    fwd.window = window;
    fwd.lastAck = ack;
    fwd.lastAckSec = s.sec;
    fwd.lastAckNsec = s.nsec;
    fwd.lastSegmentFlags = ta;
    return ta;
  }

  /**
   * Zero-window probe, zero window, lost segment, keep-alive, window update,
   * window full, keep-alive ACK, zero-window-probe ACK and duplicate ACK. A
   * zero-window probe and the two kinds of ACK to probes end the list early.
   */
  private classifyAck(s: TcpSegment, fwd: TcpDirectionState, rev: TcpDirectionState, ta: number): number {
    const { seq, ack, len, flags, window } = s;
    const noSynFinRst = (flags & SYN_FIN_RST) === 0;
    // Exactly one byte at the next expected sequence while the peer advertises a zero window.
    if (len === 1 && seq === fwd.nextSeq && rev.window === 0) return ta | F.ZeroWindowProbe;
    if (window === 0 && noSynFinRst) ta |= F.ZeroWindow;
    // Beyond the highest sequence seen so far: a segment in between was not captured. RSTs are exempt.
    if (fwd.nextSeq !== 0 && seqGt(seq, fwd.nextSeq) && (flags & TCP_RST) === 0) ta |= F.LostSegment;
    // Zero or one byte starting one byte before the next expected sequence.
    if ((len === 0 || len === 1) && seq === ((fwd.nextSeq - 1) >>> 0) && noSynFinRst) ta |= F.KeepAlive;
    const sameSeqAck = seq === fwd.nextSeq && ack === fwd.lastAck && noSynFinRst;
    if (len === 0 && window !== 0 && window !== fwd.window && sameSeqAck) ta |= F.WindowUpdate;
    if (len > 0 && rev.winScale !== SCALE_UNKNOWN && noSynFinRst) {
      // The segment reaches exactly the right edge of the window the peer last advertised.
      const shift = rev.firstAckPending || rev.winScale === SCALE_NONE ? 0 : rev.winScale;
      const edge = seqAdd(rev.lastAck, rev.window * 2 ** shift);
      if (seqAdd(seq, len) === edge) ta |= F.WindowFull;
    }
    const repeatsAck = len === 0 && window === fwd.window && sameSeqAck;
    if (repeatsAck && window !== 0 && rev.lastSegmentFlags & F.KeepAlive) return ta | F.KeepAliveAck;
    if (repeatsAck && window === 0 && rev.lastSegmentFlags & F.ZeroWindowProbe) return ta | F.ZeroWindowProbeAck;
    if (repeatsAck && window !== 0) {
      // -1 marks "an ACKed-unseen segment was just reported": the next duplicate counts as the first.
      fwd.dupAcks = fwd.dupAcks === -1 ? 1 : fwd.dupAcks + 1;
      ta |= F.DuplicateAck;
    }
    return ta;
  }

  /**
   * ACKed unseen segment: the ACK goes beyond everything the peer sent without a
   * hole, so the peer sent data that was not captured. The bound then moves up
   * so that the same gap is reported once.
   */
  private checkAckedUnseen(ack: number, flags: number, rev: TcpDirectionState, ta: number): number {
    if (rev.maxSeqToBeAcked === 0 || !seqGt(ack, rev.maxSeqToBeAcked) || (flags & TCP_ACK) === 0) return ta;
    // The peer's in-order bound lags its highest sequence (a hole): catch the bound up.
    if (seqLt(rev.maxSeqToBeAcked, rev.nextSeq)) {
      rev.maxSeqToBeAcked = rev.nextSeq;
      return ta | F.AckedUnseen;
    }
    // The peer only sends pure ACKs: report once, until one of its ACKs counts again.
    if (rev.dupAcks === 0) ta |= F.AckedUnseen;
    rev.dupAcks = -1;
    return ta;
  }

  /**
   * A segment with data, SYN or FIN that does not advance the sequence is a
   * spurious, fast or plain retransmission, or out of order. Keep-alives are
   * none of these.
   */
  private classifyRetransmission(s: TcpSegment, fwd: TcpDirectionState, rev: TcpDirectionState, ta: number): number {
    const { seq, len, flags } = s;
    if (ta & F.KeepAlive) return ta;
    let notAdvanced = fwd.nextSeq !== 0 && seqLt(seq, fwd.nextSeq);
    // More than one byte starting one before nextseq follows a zero-window probe: new data.
    if (len > 1 && ((fwd.nextSeq - 1) >>> 0) === seq) notAdvanced = false;
    // Data the peer had already acknowledged.
    if (len > 0 && rev.lastAck !== 0 && seqLe(seqAdd(seq, len), rev.lastAck)) return ta | F.SpuriousRetransmission;
    // Two or more duplicate ACKs asked for exactly this sequence less than 20 ms ago. Wireshark
    // keeps the count unsigned, so the -1 left by an ACKed-unseen report counts as many.
    const sinceAck = nsBetween(rev.lastAckSec, rev.lastAckNsec, s.sec, s.nsec);
    if (notAdvanced && rev.dupAcks >>> 0 >= 2 && rev.lastAck === seq && u64Less(sinceAck, FAST_RETRANSMISSION_NS)) {
      return ta | F.FastRetransmission;
    }
    // Sent soon after the highest segment (within the handshake RTT, else 3 ms) and not a copy of it.
    const sinceNext = nsBetween(fwd.nextSeqSec, fwd.nextSeqNsec, s.sec, s.nsec);
    const threshold = this.firstRttNs === 0 ? DEFAULT_OOO_NS : this.firstRttNs;
    const end = seqAdd(seq, len + (flags & (TCP_SYN | TCP_FIN) ? 1 : 0));
    if (notAdvanced && u64Less(sinceNext, threshold) && fwd.nextSeq !== end) return ta | F.OutOfOrder;
    return notAdvanced ? ta | F.Retransmission : ta;
  }

  /**
   * Moves nextseq and the in-order bound forward; zero-window probes do not
   * advance them. Wireshark counts the SYN/FIN sequence number only while it
   * holds fewer than 10,000 unacknowledged segments (TCP_MAX_UNACKED_SEGMENTS);
   * that list is not modelled, so a SYN or FIN after 10,000 unacknowledged
   * segments in one direction is the one case that can come out differently.
   */
  private advance(s: TcpSegment, fwd: TcpDirectionState, ta: number): void {
    if (ta & F.ZeroWindowProbe) return;
    // SYN and FIN each take one sequence number.
    const next = seqAdd(s.seq, s.len + (s.flags & (TCP_SYN | TCP_FIN) ? 1 : 0));
    if (seqGt(next, fwd.nextSeq) || fwd.nextSeq === 0) {
      fwd.nextSeq = next;
      fwd.nextSeqSec = s.sec;
      fwd.nextSeqNsec = s.nsec;
    }
    if (s.seq === fwd.maxSeqToBeAcked || fwd.maxSeqToBeAcked === 0) fwd.maxSeqToBeAcked = fwd.nextSeq;
  }

  /**
   * dissect_tcp() after the analysis: the handshake RTT, the window-scale
   * option (parsed after the analysis ran) and its validation on SYNs.
   */
  private afterOptions(s: TcpSegment, fwd: TcpDirectionState, rev: TcpDirectionState): void {
    const synAck = s.flags & (TCP_SYN | TCP_ACK);
    if (s.flags & TCP_SYN) {
      if (synAck === TCP_SYN) {
        this.mruSynSec = s.sec;
        this.mruSynNsec = s.nsec;
      }
      fwd.firstAckPending = true;
    }
    if (synAck === TCP_ACK) {
      // The first pure ACK after a SYN closes the handshake: its delay is the RTT estimate.
      if ((this.mruSynSec !== 0 || this.mruSynNsec !== 0) && this.firstRttNs === 0) {
        this.firstRttNs = nsBetween(this.mruSynSec, this.mruSynNsec, s.sec, s.nsec);
      }
      fwd.firstAckPending = false;
    }
    if (s.windowScale >= 0) fwd.winScale = Math.min(s.windowScale, MAX_WINDOW_SHIFT);
    if (s.flags & TCP_SYN) {
      // verify_tcp_window_scaling(): scaling is used only when both SYNs carry the option.
      if (fwd.winScale === SCALE_UNKNOWN) {
        fwd.winScale = SCALE_NONE;
        rev.winScale = SCALE_NONE;
      } else if (synAck === (TCP_SYN | TCP_ACK) && rev.winScale === SCALE_NONE) {
        fwd.winScale = SCALE_NONE;
      }
    }
  }
}
