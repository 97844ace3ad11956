import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../dissect/tcp';
import { ConnHistory, letter } from './conn-history';
import type { TcpSegment } from './tcp-analysis';
import { EndpointState as E, Hist, ZeekTcpEndpoint } from './zeek-tcp-endpoint';

/** Zeek distrusts SYN/RST sequence jumps larger than this (TOO_LARGE_SEQ_DELTA). */
const TOO_LARGE_SEQ_DELTA = 1_048_576;

const S = letter('S');
const H = letter('H');
const A = letter('A');
const D = letter('D');
const F = letter('F');
const R = letter('R');
const I = letter('I');
const Q = letter('Q');
const T = letter('T');
const W = letter('W');
const FLIP = letter('^');

/** Signed 32-bit difference of two sequence numbers (Zeek's seq_delta). */
function seqDelta(a: number, b: number): number {
  return (a - b) | 0;
}

/**
 * Zeek's per-connection TCP tracking (packet_analysis/protocol/tcp:
 * TCPSessionAdapter::Process and its state machine), reduced to what decides
 * `conn_state` and `history`. The originator starts as the flow's source;
 * Zeek's state machine may flip the roles (a SYN answering an earlier SYN-ACK),
 * which puts '^' in the history.
 *
 * Sequence numbers are kept as signed 32-bit integers (V8 small integers), so
 * that passing them around allocates nothing; Zeek's unsigned comparisons use
 * `>>> 0` where they matter.
 */
export class ZeekTcpSession {
  /** The endpoints of the flow's source and destination (their roles may flip). */
  readonly source = new ZeekTcpEndpoint();
  readonly destination = new ZeekTcpEndpoint();
  readonly history = new ConnHistory();

  reset(): void {
    this.source.reset(true);
    this.destination.reset(false);
    this.history.reset();
  }

  get orig(): ZeekTcpEndpoint {
    return this.source.isOrig ? this.source : this.destination;
  }

  get resp(): ZeekTcpEndpoint {
    return this.source.isOrig ? this.destination : this.source;
  }

  /** One TCP packet (Process); the segment's `len` is the payload length per the IP header. */
  packet(fromSource: boolean, s: TcpSegment): void {
    const seq = s.seq | 0;
    const ack = s.ack | 0;
    const { len, flags, window } = s;
    const ep = fromSource ? this.source : this.destination;
    const peer = fromSource ? this.destination : this.source;
    const isOrig = ep.isOrig;
    // SYN and FIN take a sequence number each; a RST's payload is not part of the stream.
    let segLen = len + (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0);
    if (flags & TCP_RST) segLen -= len;
    const onePast = (seq + segLen) | 0;
    this.initEndpoint(ep, flags, seq, onePast);
    this.updateHistory(ep, flags, seq, len);
    // update_window(): a zero window, unless it comes with or after a RST or after the peer's FIN.
    if (window === 0 && (flags & TCP_RST) === 0 && peer.state !== E.Closed && ep.state !== E.Reset) ep.zeroWindow(this.history, W);
    if (flags & TCP_FIN) ep.finCount++;
    if (flags & TCP_ACK) this.ackReceived(peer, ack, flags);
    this.updateLastSeq(ep, onePast, flags, len);
    this.updateStateMachine(ep, peer, seq, len, isOrig, flags);
  }

  /** init_endpoint(): sequence numbers from the first packet, or from a new SYN. */
  private initEndpoint(ep: ZeekTcpEndpoint, flags: number, seq: number, onePast: number): void {
    const syn = (flags & TCP_SYN) !== 0;
    switch (ep.state) {
      case E.Inactive:
        // A partial connection counts as if a SYN came just before its first byte.
        if (syn) ep.initSeqs(seq, onePast);
        else ep.initSeqs((seq - 1) | 0, seq);
        break;
      case E.SynSent:
      case E.SynAckSent:
        if (syn && seq !== ep.startSeq) ep.initSeqs(seq, onePast);
        break;
      case E.Established:
      case E.Partial:
        // The connection apparently was not established; this SYN sets it up.
        if (syn) ep.initSeqs(seq, onePast);
        break;
      case E.Reset:
        // Sequence numbers came from a RST (maybe injected): trust the SYN instead.
        if (syn && ep.prevState === E.Inactive) ep.initSeqs(seq, onePast);
        break;
    }
  }

  /** get_relative_seq()'s wrap count for `cur`: one less or more when it sits across a wrap from `last`. */
  private wrapsAt(cur: number, last: number, wraps: number): number {
    const delta = seqDelta(cur, last);
    if (delta < 0 && wraps && cur >>> 0 > last >>> 0) return wraps - 1;
    if (delta > 0 && cur >>> 0 < last >>> 0) return wraps + 1;
    return wraps;
  }

  /** get_relative_seq(): the sequence relative to the endpoint's start; negative on underflow. */
  private relativeSeq(ep: ZeekTcpEndpoint, cur: number): number {
    const wraps = this.wrapsAt(cur, ep.lastSeq, ep.seqWraps);
    if (wraps === 0) return seqDelta(cur, ep.startSeq);
    return wraps * 2 ** 32 + (cur >>> 0) - (ep.startSeq >>> 0);
  }

  /**
   * update_history(): S/H/F/R are recorded again only when their sequence
   * number differs from the last one of the same kind; A and D once per side;
   * I (FIN+RST) and Q (SYN with FIN or RST) once.
   */
  private updateHistory(ep: ZeekTcpEndpoint, flags: number, seq: number, len: number): void {
    const h = this.history;
    const bits = (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0) + (flags & TCP_RST ? 1 : 0);
    if (bits > 1) {
      if (flags & TCP_FIN && flags & TCP_RST) ep.checkHistory(h, Hist.FinRst, I);
      else ep.checkHistory(h, Hist.MultiFlag, Q);
    } else if (bits === 1) {
      // Only SYN, FIN and RST need the relative sequence number.
      const relSeq = this.relativeSeq(ep, seq);
      if (flags & TCP_SYN) {
        const code = flags & TCP_ACK ? H : S;
        if (ep.checkHistory(h, Hist.Syn, code) && relSeq !== ep.histLastSyn) ep.addHistory(h, code);
        ep.histLastSyn = relSeq;
      }
      if (flags & TCP_FIN) {
        // A FIN's sequence number is the one after its data.
        if (ep.checkHistory(h, Hist.Fin, F) && relSeq + len !== ep.histLastFin) ep.addHistory(h, F);
        ep.histLastFin = relSeq + len;
      }
      if (flags & TCP_RST) {
        if (ep.checkHistory(h, Hist.Rst, R) && relSeq !== ep.histLastRst) ep.addHistory(h, R);
        ep.histLastRst = relSeq;
      }
    } else if (len > 0) {
      ep.checkHistory(h, Hist.Data, D);
    } else if (flags & TCP_ACK) {
      ep.checkHistory(h, Hist.Ack, A);
    }
  }

  /** The ACK: starts the peer's numbering if it was silent, else advances its acknowledged sequence. */
  private ackReceived(peer: ZeekTcpEndpoint, ack: number, flags: number): void {
    if (peer.state === E.Inactive) {
      peer.initSeqs((ack - 1) | 0, (ack - 1) | 0);
      return;
    }
    // ACKs in RSTs are not trusted, nor ACKs below the peer's start (underflow, before any wrap).
    if (flags & TCP_RST) return;
    if (this.wrapsAt(ack, peer.ackSeq, peer.ackWraps) === 0 && seqDelta(ack, peer.startSeq) < 0) return;
    const delta = seqDelta(ack, peer.ackSeq);
    if (ack === 0 && delta > TOO_LARGE_SEQ_DELTA) return;
    if (delta > 0) peer.updateAckSeq(ack);
  }

  /** update_last_seq(): a segment with data that does not advance the sequence is a retransmission ('T'). */
  private updateLastSeq(ep: ZeekTcpEndpoint, onePast: number, flags: number, len: number): void {
    const deltaLast = seqDelta(onePast, ep.lastSeq);
    // SYN and RST sequence numbers far off are not trusted.
    if (flags & (TCP_SYN | TCP_RST) && (deltaLast > TOO_LARGE_SEQ_DELTA || deltaLast < -TOO_LARGE_SEQ_DELTA)) return;
    // A FIN right after the SYN moves the sequence even backwards (connections over 2 GB).
    if (flags & TCP_FIN && ep.lastSeq === ((ep.startSeq + 1) | 0)) ep.updateLastSeq(onePast);
    // After a RST, sequence numbers are not trusted.
    else if (ep.state === E.Reset) return;
    else if (deltaLast > 0) ep.updateLastSeq(onePast);
    else if (len > 0) ep.didRetransmit(this.history, T);
  }

  private updateStateMachine(ep: ZeekTcpEndpoint, peer: ZeekTcpEndpoint, seq: number, len: number, isOrig: boolean, flags: number): void {
    switch (ep.state) {
      case E.Inactive:
        this.inactive(ep, peer, seq, len, isOrig, flags);
        break;
      case E.SynSent:
      case E.SynAckSent:
        if (flags & TCP_FIN) ep.setState(E.Closed);
        if (flags & TCP_RST) ep.setState(E.Reset);
        break;
      case E.Established:
      case E.Partial:
        this.established(ep, peer, flags);
        break;
      case E.Closed:
        // After a FIN exchange a RST changes nothing.
        if (flags & TCP_RST && peer.state !== E.Closed) ep.setState(E.Reset);
        break;
      case E.Reset:
        break;
    }
  }

  /** UpdateInactiveState(): the first packet from this side. */
  private inactive(ep: ZeekTcpEndpoint, peer: ZeekTcpEndpoint, seq: number, len: number, isOrig: boolean, flags: number): void {
    if (flags & TCP_SYN) {
      if (isOrig) {
        ep.setState(flags & TCP_ACK ? E.SynAckSent : E.SynSent);
      } else {
        if ((flags & TCP_ACK) === 0 && peer.state === E.SynAckSent && seq === ep.startSeq) {
          // A SYN answering a SYN-ACK seen first: the roles were reversed (Zeek's IsReuse discussion).
          this.flipRoles();
          peer.setState(E.Established);
        }
        if (peer.state === E.SynSent) peer.setState(E.Established);
        ep.setState(E.Established);
      }
    }
    if (flags & TCP_FIN) ep.setState(E.Closed);
    if (flags & TCP_RST) ep.setState(E.Reset);
    if (ep.state !== E.Inactive) return;
    // No control flag moved this side. An ACK of the SYN before any SYN-ACK leaves it inactive.
    if (!isOrig && len === 0 && this.orig.state === E.SynSent) return;
    // A pure ACK after the peer's SYN-ACK: the SYN was missed, the connection is established.
    if (flags & TCP_ACK && peer.state === E.Established) ep.setState(E.Established);
    else ep.setState(E.Partial);
  }

  /** UpdateEstablishedState(). */
  private established(ep: ZeekTcpEndpoint, peer: ZeekTcpEndpoint, flags: number): void {
    if (flags & TCP_SYN && ep.state === E.Partial && peer.state === E.Inactive && (flags & TCP_ACK) === 0) ep.setState(E.SynSent);
    if (flags & TCP_FIN && (flags & TCP_RST) === 0) {
      ep.setState(E.Closed);
      // The peer's FIN then RST was a normal close after all.
      if (peer.state === E.Reset && peer.prevState === E.Closed) peer.setState(E.Closed);
    }
    if (flags & TCP_RST) ep.setState(E.Reset);
  }

  /**
   * The engine made the flow's source the receiver of its first packet (a
   * SYN-ACK seen before any SYN): the roles are already right, and the history
   * notes the flip as Zeek's does for the same packet.
   */
  noteSourceFlipped(): void {
    this.history.add(FLIP);
  }

  /** Connection::FlipRoles(): the endpoints swap roles and the history notes it. */
  private flipRoles(): void {
    this.source.isOrig = !this.source.isOrig;
    this.destination.isOrig = !this.destination.isOrig;
    this.history.add(FLIP);
  }
}
