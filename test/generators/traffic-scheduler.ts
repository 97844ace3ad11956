import { PcapWriter } from '../../electron/capture/pcap-writer';
import { FrameBuilder } from './frame-builder';

/** What a session script sees: the shared frame builder and the slot for the frame it built. */
export interface SessionContext {
  fb: FrameBuilder;
  /** Length of the frame the script just built. */
  len: number;
}

/**
 * A session script is a generator: it first yields the time of its first packet;
 * each time it is resumed it builds that packet (setting ctx.len) and yields the
 * time of the next one, until it returns after building its last.
 */
export type SessionScript = Generator<number, void, void>;

interface Entry {
  ts: number;
  seq: number;
  it: SessionScript;
}

/**
 * Interleaves session scripts in time order through a min-heap and writes one
 * pcap. Only active sessions are held, so memory stays flat however long the
 * capture is.
 */
export class TrafficScheduler {
  private heap: Entry[] = [];
  private seq = 0;
  readonly ctx: SessionContext = { fb: new FrameBuilder(), len: 0 };
  private readonly writer: PcapWriter;

  /**
   * `snapAbove`: frames longer than this are recorded cut to their first 128
   * bytes (their wire length kept), as `tcpdump -s 128` would, so bulk
   * transfers do not bloat generated files. Unset, every frame is whole.
   */
  constructor(
    path: string,
    private readonly snapAbove = Infinity,
  ) {
    this.writer = new PcapWriter(path);
  }

  get packets(): number {
    return this.writer.packets;
  }

  /** Time of the next packet to be written, or Infinity. */
  get nextTs(): number {
    return this.heap.length ? this.heap[0].ts : Infinity;
  }

  add(it: SessionScript): void {
    const r = it.next();
    if (!r.done) this.push({ ts: r.value, seq: this.seq++, it });
  }

  /** Writes packets until the clock passes `until` or `maxPackets` were written. */
  run(until: number, maxPackets = Infinity): void {
    while (this.heap.length && this.heap[0].ts <= until && this.writer.packets < maxPackets) {
      const e = this.pop();
      const r = e.it.next();
      const len = this.ctx.len;
      this.writer.write(e.ts, this.ctx.fb.buf, len > this.snapAbove ? 128 : len, len);
      if (!r.done) {
        e.ts = Math.max(r.value, e.ts);
        e.seq = this.seq++;
        this.push(e);
      }
    }
  }

  close(): void {
    this.writer.close();
  }

  private less(a: Entry, b: Entry): boolean {
    return a.ts < b.ts || (a.ts === b.ts && a.seq < b.seq);
  }

  private push(e: Entry): void {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }

  private pop(): Entry {
    const h = this.heap;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
