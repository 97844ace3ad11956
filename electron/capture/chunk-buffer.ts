import type { ByteSource } from './byte-source';

const INITIAL = 4 << 20;

/**
 * A sliding window over a ByteSource. Readers parse whole records synchronously
 * from `buf[pos, end)` and ask for more only when a record straddles the end, so
 * the per-packet path never awaits and never allocates.
 *
 * A source that lends its bytes (`borrow`: the hashing thread's ring) is read
 * in place: `buf` is then the lent view itself, and only a record that
 * straddles two views is copied, into a buffer of our own, after which reading
 * goes back to the view. `buf` can therefore change at every `ensure`.
 */
export class ChunkBuffer {
  buf: Uint8Array;
  pos = 0;
  end = 0;
  /** File offset of buf[0]. */
  base = 0;
  eof = false;
  /** Our own bytes: the whole window for a copying source, the stitches for a lending one. */
  private own: Uint8Array = new Uint8Array(INITIAL);
  /** The lent view being read, its file offset, and how much of it has gone into `buf`. */
  private view: Uint8Array | null = null;
  private viewBase = 0;
  private viewPos = 0;
  /** File offset just past the last lent view. */
  private lentEnd = 0;

  constructor(private readonly source: ByteSource) {
    this.buf = this.own;
  }

  get available(): number {
    return this.end - this.pos;
  }

  /** File offset of buf[pos]. */
  get offset(): number {
    return this.base + this.pos;
  }

  /**
   * Makes at least `n` bytes available from `pos`. False if the source ends
   * first; what was there stays available.
   */
  async ensure(n: number): Promise<boolean> {
    if (this.available >= n) return true;
    return this.source.borrow ? this.ensureLent(n) : this.ensureCopied(n);
  }

  /** Moves the unread tail to the front, grows the buffer for oversized records, and reads on. */
  private async ensureCopied(n: number): Promise<boolean> {
    if (this.pos > 0) {
      // The tail goes to 0–7 bytes from the front so that `end`, where the next
      // read lands, is 8-byte aligned: V8 copies out of a SharedArrayBuffer word
      // by word only when both sides are aligned alike (byte by byte, 5× slower,
      // otherwise).
      const tail = this.end - this.pos;
      const to = -tail & 7;
      this.buf.copyWithin(to, this.pos, this.end);
      this.base += this.pos - to;
      this.pos = to;
      this.end = to + tail;
    }
    if (this.pos + n > this.buf.length) {
      const bigger = new Uint8Array(Math.max((this.pos + n + 7) & ~7, this.buf.length * 2));
      bigger.set(this.buf.subarray(0, this.end));
      this.buf = this.own = bigger;
    }
    while (this.available < n && !this.eof) {
      const got = await this.source.read(this.buf, this.end, this.buf.length - this.end);
      if (got === 0) this.eof = true;
      this.end += got;
    }
    return this.available >= n;
  }

  private async ensureLent(n: number): Promise<boolean> {
    if (this.available === 0) {
      // Everything handed out so far is consumed: read the rest of the view, or the next one, in place.
      if (this.view === null || this.viewPos === this.view.length) {
        if (!(await this.lendNext())) return false;
      }
      const view = this.view!;
      this.buf = view;
      this.base = this.viewBase;
      this.pos = this.viewPos;
      this.end = view.length;
      this.viewPos = view.length;
      if (this.available >= n) return true;
    }
    // A record straddles the view's end: its bytes so far, then exactly what it
    // still lacks from the next views, go into our own buffer.
    const tail = this.available;
    const from = this.buf;
    if (n > this.own.length) this.own = new Uint8Array(Math.max(n, this.own.length * 2));
    if (from === this.own) this.own.copyWithin(0, this.pos, this.end);
    else this.own.set(from.subarray(this.pos, this.end), 0);
    this.base += this.pos;
    this.buf = this.own;
    this.pos = 0;
    this.end = tail;
    while (this.end < n) {
      if (this.view === null || this.viewPos === this.view.length) {
        if (!(await this.lendNext())) break;
      }
      const view = this.view!;
      const k = Math.min(n - this.end, view.length - this.viewPos);
      this.own.set(view.subarray(this.viewPos, this.viewPos + k), this.end);
      this.end += k;
      this.viewPos += k;
    }
    return this.available >= n;
  }

  /** The next lent view; the source may reuse the previous one's memory from now on. */
  private async lendNext(): Promise<boolean> {
    const v = await this.source.borrow!();
    if (v === null) {
      this.eof = true;
      return false;
    }
    this.view = v;
    this.viewPos = 0;
    this.viewBase = this.lentEnd;
    this.lentEnd += v.length;
    return true;
  }
}
