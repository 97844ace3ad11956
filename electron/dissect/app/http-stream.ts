import { parseHttpRequest, type HttpRequest } from './http';
import { TcpPrefix } from './tcp-prefix';

/** Bytes kept while waiting for the end of a request head. */
export const HTTP_HEAD_CAP = 16 * 1024;

/**
 * The client direction of an HTTP/1.x connection, reassembled until its first
 * request head is complete (it may span segments: long URLs, many cookies).
 * `request` holds the best parse so far, so a head that never completes
 * (capture cut, gap, cap) still yields its method and the headers before the cut.
 */
export class HttpHeadStream {
  request: HttpRequest | null = null;
  /** No more bytes will be read: the head is complete, or the stream gave up. */
  finished = false;
  private readonly prefix = new TcpPrefix(HTTP_HEAD_CAP);

  reset(): void {
    this.request = null;
    this.finished = false;
    this.prefix.reset();
  }

  push(seq: number, data: Uint8Array, off: number, len: number): void {
    if (this.finished) return;
    const p = this.prefix;
    if (!p.push(seq, data, off, len)) {
      if (p.failed) this.finished = true;
      return;
    }
    const req = parseHttpRequest(p.view, p.viewOffset, p.viewLength);
    if (req !== null) this.request = req;
    if (req === null || !req.truncated || p.viewLength >= HTTP_HEAD_CAP) {
      this.finished = true;
      p.release();
    } else {
      p.retain();
    }
  }
}
