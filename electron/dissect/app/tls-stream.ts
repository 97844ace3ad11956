import { TcpPrefix } from './tcp-prefix';
import { firstHandshakeMessage, type HandshakeSlice } from './tls-records';

/** Bytes kept per direction while waiting for the first handshake message. */
export const TLS_STREAM_CAP = 16 * 1024;

export const TlsStreamStatus = {
  /** Waiting for more segments. */
  More: 0,
  /** `message` holds the first handshake message. */
  Done: 1,
  /** Not TLS, a gap in the sequence space, or the message outgrew the cap. */
  Failed: 2,
} as const;
export type TlsStreamStatus = (typeof TlsStreamStatus)[keyof typeof TlsStreamStatus];

/**
 * One direction of a TCP connection, reassembled just far enough to read its
 * first TLS handshake message (a hello may span records and segments).
 * Segments are fed in capture order with their sequence numbers; see
 * TcpPrefix for retransmissions, gaps and the cap.
 */
export class TlsHandshakeStream {
  status: TlsStreamStatus = TlsStreamStatus.More;
  /** Valid once status is Done; may view the caller's packet bytes, so use it before the next packet. */
  message: HandshakeSlice | null = null;
  private readonly prefix = new TcpPrefix(TLS_STREAM_CAP);

  reset(): void {
    this.status = TlsStreamStatus.More;
    this.message = null;
    this.prefix.reset();
  }

  /** Feeds one segment's payload starting at sequence number `seq`. */
  push(seq: number, data: Uint8Array, off: number, len: number): TlsStreamStatus {
    if (this.status !== TlsStreamStatus.More) return this.status;
    const p = this.prefix;
    if (!p.push(seq, data, off, len)) {
      if (p.failed) this.status = TlsStreamStatus.Failed;
      return this.status;
    }
    const scan = firstHandshakeMessage(p.view, p.viewOffset, p.viewLength, TLS_STREAM_CAP);
    if (scan === 'more') {
      p.retain();
      return this.status;
    }
    p.release();
    if (scan === null) {
      this.status = TlsStreamStatus.Failed;
    } else {
      this.message = scan;
      this.status = TlsStreamStatus.Done;
    }
    return this.status;
  }
}
