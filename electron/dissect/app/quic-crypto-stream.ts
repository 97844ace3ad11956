/**
 * The CRYPTO stream of one direction at the Initial level (RFC 9000 §19.6),
 * rebuilt from frames that may come out of order, overlap or repeat, across
 * several packets (RFC 9001 §4.1.3). Only the prefix that starts at offset 0
 * matters: it holds the ClientHello or ServerHello.
 */
export const CRYPTO_STREAM_CAP = 16 * 1024;
// A hello split into more pieces than this is not worth following.
const MAX_RANGES = 64;

export class QuicCryptoStream {
  private buf: Uint8Array | null = null;
  /** Received ranges [start, end), sorted and merged. */
  private starts: number[] = [];
  private ends: number[] = [];
  failed = false;

  reset(): void {
    this.buf = null;
    this.starts.length = 0;
    this.ends.length = 0;
    this.failed = false;
  }

  /** Adds a CRYPTO frame's data; bytes beyond the cap are dropped. */
  add(offset: number, d: Uint8Array, off: number, len: number): void {
    if (this.failed || len <= 0 || offset >= CRYPTO_STREAM_CAP) return;
    const end = Math.min(offset + len, CRYPTO_STREAM_CAP);
    this.reserve(end);
    this.buf!.set(d.subarray(off, off + (end - offset)), offset);
    this.insertRange(offset, end);
  }

  /** Grows the buffer to hold `end` bytes: most hellos fit in the first 2 KB. */
  private reserve(end: number): void {
    const buf = this.buf;
    if (buf !== null && buf.length >= end) return;
    const grown = new Uint8Array(Math.min(CRYPTO_STREAM_CAP, Math.max(2048, end, buf === null ? 0 : buf.length * 2)));
    if (buf !== null) grown.set(buf);
    this.buf = grown;
  }

  /** Length of the contiguous bytes from offset 0. */
  get prefix(): number {
    return this.starts.length > 0 && this.starts[0] === 0 ? this.ends[0] : 0;
  }

  get bytes(): Uint8Array | null {
    return this.buf;
  }

  private insertRange(s: number, e: number): void {
    const starts = this.starts;
    const ends = this.ends;
    let i = 0;
    while (i < starts.length && ends[i] < s) i++;
    // Merge every range that touches [s, e).
    let j = i;
    while (j < starts.length && starts[j] <= e) {
      if (starts[j] < s) s = starts[j];
      if (ends[j] > e) e = ends[j];
      j++;
    }
    starts.splice(i, j - i, s);
    ends.splice(i, j - i, e);
    if (starts.length > MAX_RANGES) this.failed = true;
  }
}
