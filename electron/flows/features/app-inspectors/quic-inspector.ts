import { QuicInitialReader } from '../../../dissect/app/quic';
import { quicVersionText } from '../../../dissect/app/quic-versions';
import { AppKind, type AppMetadataState } from './app-state';
import { recordClientHello, recordServerHello } from './hello-columns';

/** A long header with the fixed bit (RFC 9000 §17.2): worth handing to the QUIC reader. */
export function looksLikeQuicLongHeader(d: Uint8Array, off: number, len: number): boolean {
  return len >= 7 && (d[off] & 0xc0) === 0xc0;
}

/** One UDP datagram of a (possible) QUIC flow; the first that is not a known QUIC version rules QUIC out. */
export function readQuicDatagram(s: AppMetadataState, d: Uint8Array, off: number, len: number, fwd: boolean): void {
  const r = (s.quic ??= new QuicInitialReader());
  const isQuic = r.push(d, off, len, fwd);
  if (r.version === 0) {
    if (!isQuic) s.kind = AppKind.None;
    return;
  }
  s.quicVersion ??= quicVersionText(r.version);
  if (!s.clientHelloSeen && r.clientHello !== null) recordClientHello(s, r.clientHello, 'q');
  if (!s.serverHelloSeen && r.serverHello !== null) recordServerHello(s, r.serverHello);
}
