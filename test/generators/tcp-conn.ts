import { ACK, FIN, PSH, RST, SYN, type Endpoint, type FrameBuilder, type TcpOptions } from './frame-builder';

/**
 * One TCP connection's sequence state; each method builds the next segment into
 * the frame builder and returns the frame length.
 */
export class TcpConn {
  private seq: [number, number];
  private mss = 1448;

  constructor(
    private readonly fb: FrameBuilder,
    readonly client: Endpoint,
    readonly server: Endpoint,
    readonly cport: number,
    readonly sport: number,
    isn: [number, number],
    private readonly win: [number, number] = [64240, 65160],
  ) {
    this.seq = [isn[0] >>> 0, isn[1] >>> 0];
  }

  private seg(from: 0 | 1, flags: number, payload: Uint8Array | number, opts?: TcpOptions): number {
    const [src, dst, sp, dp] = from === 0 ? [this.client, this.server, this.cport, this.sport] : [this.server, this.client, this.sport, this.cport];
    const ack = flags & ACK ? this.seq[1 - from] : 0;
    const len = this.fb.tcp(src, dst, sp, dp, this.seq[from], ack, flags, this.win[from], payload, opts);
    const n = typeof payload === 'number' ? payload : payload.length;
    this.seq[from] = (this.seq[from] + n + (flags & (SYN | FIN) ? 1 : 0)) >>> 0;
    return len;
  }

  syn(): number {
    return this.seg(0, SYN, 0, { mss: 1460, sackPermitted: true, wscale: 7 });
  }
  synAck(): number {
    return this.seg(1, SYN | ACK, 0, { mss: 1460, sackPermitted: true, wscale: 7 });
  }
  ack(from: 0 | 1): number {
    return this.seg(from, ACK, 0);
  }
  /** A data segment (at most one MSS). */
  data(from: 0 | 1, payload: Uint8Array | number): number {
    return this.seg(from, PSH | ACK, payload);
  }
  fin(from: 0 | 1): number {
    return this.seg(from, FIN | ACK, 0);
  }
  rst(from: 0 | 1): number {
    return this.seg(from, RST | ACK, 0);
  }
  /** Rewinds the sender's sequence so the next data segment repeats the last one. */
  rewind(from: 0 | 1, bytes: number): void {
    this.seq[from] = (this.seq[from] - bytes) >>> 0;
  }
  get segmentSize(): number {
    return this.mss;
  }
}
