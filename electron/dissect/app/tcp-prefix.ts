/**
 * The first bytes of one direction of a TCP connection, for parsers that need
 * a whole message head (a TLS hello, an HTTP request head) that may span
 * segments. Segments are fed in capture order: bytes already received
 * (retransmissions, overlaps) are skipped, a gap (lost or reordered segment)
 * or growing past `cap` ends the attempt.
 *
 * Nothing is copied while the first segment is enough: `push` offers the
 * segment itself as the view, and only `retain` (the parser wants more) copies
 * it into a buffer that later segments are appended to. After each push that
 * returns true, call `retain` or `release` before the segment's bytes go away.
 */
export class TcpPrefix {
  /** The stream's bytes so far after a push: view[viewOffset, viewOffset + viewLength). */
  view: Uint8Array = EMPTY;
  viewOffset = 0;
  viewLength = 0;
  /** A gap or the cap ended it: no more bytes will come. */
  failed = false;
  private nextSeq = -1;
  private buf: Uint8Array | null = null;
  private used = 0;
  /** The view is the caller's segment, not yet copied. */
  private borrowed = false;

  constructor(private readonly cap: number) {}

  reset(): void {
    this.view = EMPTY;
    this.viewOffset = this.viewLength = 0;
    this.failed = false;
    this.nextSeq = -1;
    this.buf = null;
    this.used = 0;
    this.borrowed = false;
  }

  /**
   * Feeds the payload of a segment starting at sequence number `seq`. Returns
   * true when new bytes were added (the view changed), false for a pure
   * retransmission or once failed.
   */
  push(seq: number, data: Uint8Array, off: number, len: number): boolean {
    if (this.failed || len <= 0) return false;
    // The caller neither kept nor released the previous segment: its bytes are gone.
    if (this.borrowed) return this.fail();
    if (this.nextSeq < 0) this.nextSeq = seq >>> 0;
    // Sequence numbers wrap at 2^32 (RFC 9293 §3.4): compare as a signed 32-bit difference.
    const delta = (seq - this.nextSeq) | 0;
    if (delta > 0) return this.fail();
    if (delta < 0) {
      if (-delta >= len) return false;
      off -= delta;
      len += delta;
    }
    this.nextSeq = (this.nextSeq + len) >>> 0;
    if (this.used === 0 && this.buf === null) {
      this.view = data;
      this.viewOffset = off;
      this.viewLength = Math.min(len, this.cap);
      this.borrowed = true;
      return true;
    }
    if (this.used + len > this.cap) return this.fail();
    this.append(data, off, len);
    return true;
  }

  /** Keeps the borrowed first segment: call before the packet's bytes go away if more is needed. */
  retain(): void {
    if (!this.borrowed) return;
    this.borrowed = false;
    this.append(this.view, this.viewOffset, this.viewLength);
  }

  /** Drops the buffer (the parser is done with this direction). */
  release(): void {
    this.buf = null;
    this.view = EMPTY;
    this.viewOffset = this.viewLength = 0;
    this.borrowed = false;
  }

  private append(data: Uint8Array, off: number, len: number): void {
    let buf = this.buf;
    if (buf === null || buf.length < this.used + len) {
      const grown = new Uint8Array(Math.min(this.cap, Math.max(2048, (this.used + len) * 2)));
      if (buf !== null) grown.set(buf.subarray(0, this.used));
      this.buf = buf = grown;
    }
    buf.set(data.subarray(off, off + len), this.used);
    this.used += len;
    this.view = buf;
    this.viewOffset = 0;
    this.viewLength = this.used;
  }

  private fail(): boolean {
    this.failed = true;
    this.release();
    return false;
  }
}

const EMPTY = new Uint8Array(0);
