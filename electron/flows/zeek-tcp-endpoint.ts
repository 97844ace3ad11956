import { ConnHistory, forSide } from './conn-history';

/** Zeek's TCP endpoint states (analyzer/protocol/tcp/TCP_Endpoint.h). */
export const EndpointState = {
  /** Nothing seen from this side. */
  Inactive: 0,
  /** SYN seen, no ACK of it yet. */
  SynSent: 1,
  /** SYN-ACK seen without the initial SYN. */
  SynAckSent: 2,
  /** Data seen, but no SYN. */
  Partial: 3,
  Established: 4,
  /** FIN seen. */
  Closed: 5,
  /** RST seen. */
  Reset: 6,
} as const;
export type EndpointState = (typeof EndpointState)[keyof typeof EndpointState];

/** Zeek's history masks (TCP_Endpoint::HistoryMasks); the responder's sit 16 bits higher. */
export const Hist = { Syn: 0x1, Fin: 0x2, Rst: 0x4, FinRst: 0x8, Data: 0x10, Ack: 0x20, MultiFlag: 0x40 } as const;

/** History letters Zeek scales logarithmically: recorded at the 1st, 10th, 100th... event. */
const SCALE_BASE = 10;

/**
 * The part of Zeek's TCP_Endpoint that decides connection states and history:
 * state, sequence bookkeeping (start, last and ACKed sequence with their
 * 32-bit wrap counts) and the per-side history counters.
 */
export class ZeekTcpEndpoint {
  isOrig = true;
  state: EndpointState = EndpointState.Inactive;
  prevState: EndpointState = EndpointState.Inactive;
  /** Initial sequence number (one before the first byte for a partial connection); int32, as all three. */
  startSeq = 0;
  /** One past the highest sequence sent, and the highest ACK received from the peer. */
  lastSeq = 0;
  ackSeq = 0;
  seqWraps = 0;
  ackWraps = 0;
  finCount = 0;
  /** Relative sequence numbers of the last SYN, FIN and RST, to skip repeats in the history. */
  histLastSyn = 0;
  histLastFin = 0;
  histLastRst = 0;
  private rxmtCount = 0;
  private rxmtThreshold = 1;
  private win0Count = 0;
  private win0Threshold = 1;

  reset(isOrig: boolean): void {
    this.isOrig = isOrig;
    this.state = this.prevState = EndpointState.Inactive;
    this.startSeq = this.lastSeq = this.ackSeq = 0;
    this.seqWraps = this.ackWraps = 0;
    this.finCount = 0;
    this.histLastSyn = this.histLastFin = this.histLastRst = 0;
    this.rxmtCount = this.win0Count = 0;
    this.rxmtThreshold = this.win0Threshold = 1;
  }

  setState(s: EndpointState): void {
    if (s === this.state) return;
    this.prevState = this.state;
    this.state = s;
  }

  /** Zeek's InitStartSeq, InitAckSeq and InitLastSeq together (always used so). */
  initSeqs(start: number, last: number): void {
    this.startSeq = start;
    this.ackSeq = start;
    this.lastSeq = last;
  }

  /** Zeek's UpdateLastSeq/UpdateAckSeq: a smaller unsigned value means the sequence wrapped. */
  updateLastSeq(seq: number): void {
    if (seq >>> 0 < this.lastSeq >>> 0) this.seqWraps++;
    this.lastSeq = seq;
  }

  updateAckSeq(seq: number): void {
    if (seq >>> 0 < this.ackSeq >>> 0) this.ackWraps++;
    this.ackSeq = seq;
  }

  /** Bytes sent (TCP_Endpoint::Size), as far as conn_state needs it: is it zero? */
  size(peer: ZeekTcpEndpoint): number {
    if (this.prevState === EndpointState.SynSent && this.state === EndpointState.Reset &&
      peer.state === EndpointState.Inactive && !this.noDataAcked()) return 0;
    const last = this.seqWraps * 2 ** 32 + (this.lastSeq >>> 0);
    const acked = this.ackWraps * 2 ** 32 + (this.ackSeq >>> 0);
    let size = (last > acked ? last : acked) - (this.startSeq >>> 0);
    // The SYN and FIN octets are not data.
    if (size !== 0) size--;
    if (this.finCount > 0 && size !== 0) size--;
    return size;
  }

  private noDataAcked(): boolean {
    const acked = this.ackWraps * 2 ** 32 + (this.ackSeq >>> 0);
    const start = this.startSeq >>> 0;
    return acked === start || acked === start + 1;
  }

  /** TCP_Endpoint::CheckHistory: the responder's mask bits sit 16 higher, its letter in lower case. */
  checkHistory(h: ConnHistory, mask: number, code: number): boolean {
    return h.check(this.isOrig ? mask : mask << 16, forSide(code, this.isOrig));
  }

  addHistory(h: ConnHistory, code: number): void {
    h.add(forSide(code, this.isOrig));
  }

  /** 'T': a retransmission (DidRxmit), logarithmically scaled. */
  didRetransmit(h: ConnHistory, code: number): void {
    if (++this.rxmtCount === this.rxmtThreshold) {
      this.addHistory(h, code);
      this.rxmtThreshold *= SCALE_BASE;
    }
  }

  /** 'W': a zero window advertised (ZeroWindow), logarithmically scaled. */
  zeroWindow(h: ConnHistory, code: number): void {
    if (++this.win0Count === this.win0Threshold) {
      this.addHistory(h, code);
      this.win0Threshold *= SCALE_BASE;
    }
  }
}
