import { QuicCryptoStream } from './quic-crypto-stream';
import { readInitialFrames } from './quic-frames';
import { QuicLongHeader, readLongHeader } from './quic-header';
import { quicInitialKeys, type QuicInitialKeys } from './quic-keys';
import { openLongHeaderPacket } from './quic-protection';
import { parseClientHello, parseServerHello, type ClientHello, type ServerHello } from './tls';

// A datagram coalesces at most a few packets (Initial, 0-RTT, Handshake: RFC 9000 §12.2).
const MAX_COALESCED = 8;

/**
 * QUIC Initial packets of one connection, opened with the keys every observer
 * can derive (RFC 9001 §5.2), to read the ClientHello and ServerHello they
 * carry in CRYPTO frames. Datagrams are fed in capture order with the side that
 * sent them; the side that sends the first Initial is the client.
 */
export class QuicInitialReader {
  /** Version of the first Initial packet, 0 until one is seen. */
  version = 0;
  clientHello: ClientHello | null = null;
  serverHello: ServerHello | null = null;
  private clientSide: boolean | null = null;
  private keysDcid: Uint8Array | null = null;
  private clientKeys: QuicInitialKeys | null = null;
  private serverKeys: QuicInitialKeys | null = null;
  private largestClientPn = -1;
  private largestServerPn = -1;
  private readonly clientCrypto = new QuicCryptoStream();
  private readonly serverCrypto = new QuicCryptoStream();
  private readonly h = new QuicLongHeader();

  reset(): void {
    this.version = 0;
    this.clientHello = this.serverHello = null;
    this.clientSide = null;
    this.keysDcid = null;
    this.clientKeys = this.serverKeys = null;
    this.largestClientPn = this.largestServerPn = -1;
    this.clientCrypto.reset();
    this.serverCrypto.reset();
  }

  /** Both hellos are read (or can no longer be). */
  get finished(): boolean {
    return this.clientHello !== null && this.serverHello !== null;
  }

  /**
   * Feeds one UDP payload from `side` (any stable boolean, e.g. the flow
   * direction). Returns false when it does not start with a long-header packet
   * of a version we know, so callers can stop treating the flow as QUIC.
   */
  push(d: Uint8Array, off: number, len: number, side: boolean): boolean {
    const end = Math.min(off + len, d.length);
    const h = this.h;
    let o = off;
    for (let i = 0; i < MAX_COALESCED && o < end; i++) {
      if (!readLongHeader(d, o, end, h)) return i > 0;
      if (h.isInitial) {
        if (this.version === 0) {
          this.version = h.version;
          this.clientSide = side;
        }
        this.openInitial(d, o, side === this.clientSide);
      } else if (h.isRetry) {
        // The client's next Initials go to the Retry's Source Connection ID, and both sides'
        // Initial keys are derived from it from then on (RFC 9001 §5.2, RFC 9000 §17.2.5.2).
        if (this.clientSide !== null && side !== this.clientSide) this.useDcid(d.subarray(h.scidOffset, h.scidOffset + h.scidLength));
        break; // a Retry fills the rest of the datagram
      }
      o = h.end;
    }
    return true;
  }

  private openInitial(d: Uint8Array, start: number, fromClient: boolean): void {
    const h = this.h;
    if (fromClient ? this.clientHello !== null : this.serverHello !== null) return;
    const info = h.info!;
    if (fromClient) {
      const dcid = d.subarray(h.dcidOffset, h.dcidOffset + h.dcidLength);
      if (this.clientKeys === null) this.useDcid(dcid);
      let opened = openLongHeaderPacket(d, start, h.pnOffset, h.end, this.clientKeys!, this.largestClientPn);
      // After a Retry the client derives new keys from the DCID the server chose (RFC 9001 §5.2).
      if (opened === null && !sameBytes(dcid, this.keysDcid!)) {
        const previous = [this.keysDcid!, this.clientKeys!] as const;
        this.useDcid(dcid);
        opened = openLongHeaderPacket(d, start, h.pnOffset, h.end, this.clientKeys!, -1);
        if (opened === null) [this.keysDcid, this.clientKeys] = previous;
      }
      if (opened === null) return;
      if (opened.packetNumber > this.largestClientPn) this.largestClientPn = opened.packetNumber;
      readInitialFrames(opened.payload, this.clientCrypto);
      this.clientHello = this.completeMessage(this.clientCrypto, parseClientHello);
    } else {
      if (this.keysDcid === null) return; // no client Initial seen: the keys are unknown
      this.serverKeys ??= quicInitialKeys(info, this.keysDcid, true);
      const opened = openLongHeaderPacket(d, start, h.pnOffset, h.end, this.serverKeys, this.largestServerPn);
      if (opened === null) return;
      if (opened.packetNumber > this.largestServerPn) this.largestServerPn = opened.packetNumber;
      readInitialFrames(opened.payload, this.serverCrypto);
      this.serverHello = this.completeMessage(this.serverCrypto, parseServerHello);
    }
  }

  private useDcid(dcid: Uint8Array): void {
    this.keysDcid = Uint8Array.from(dcid);
    this.clientKeys = quicInitialKeys(this.h.info!, this.keysDcid, false);
    this.serverKeys = null;
    this.largestServerPn = -1;
  }

  /** Parses the first handshake message once the contiguous CRYPTO prefix holds all of it. */
  private completeMessage<T>(s: QuicCryptoStream, parse: (d: Uint8Array, o: number, l: number) => T | null): T | null {
    const bytes = s.bytes;
    const prefix = s.prefix;
    if (bytes === null || prefix < 4) return null;
    const need = 4 + ((bytes[1] << 16) | (bytes[2] << 8) | bytes[3]);
    if (prefix < need) return null;
    return parse(bytes, 0, need);
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
