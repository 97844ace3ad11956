import type { ClientHello, ServerHello } from '../../../dissect/app/tls';
import { tlsVersionName } from '../../../dissect/app/tls-version';
import { HelloFingerprintMemo } from '../../../dissect/fingerprints/hello-fingerprints';
import { ja3s } from '../../../dissect/fingerprints/ja3';
import type { Ja4Transport } from '../../../dissect/fingerprints/ja4';
import type { AppMetadataState } from './app-state';

const fingerprintMemo = new HelloFingerprintMemo();

/** Fills the client-side TLS columns from a ClientHello (TLS over TCP or QUIC). */
export function recordClientHello(s: AppMetadataState, ch: ClientHello, transport: Ja4Transport): void {
  s.clientHelloSeen = true;
  s.sni = ch.sni;
  s.alpn = ch.alpn.length > 0 ? ch.alpn.join(',') : null;
  const fp = fingerprintMemo.fingerprints(ch, transport);
  s.ja3 = fp.ja3;
  s.ja4 = fp.ja4;
}

/** Fills the server-side TLS columns from a ServerHello. */
export function recordServerHello(s: AppMetadataState, sh: ServerHello): void {
  s.serverHelloSeen = true;
  // RFC 8446 §4.1.3: a TLS 1.3 server keeps 0x0303 as legacy_version and names the real one in supported_versions.
  s.tlsVersion = tlsVersionName(sh.selectedVersion !== 0 ? sh.selectedVersion : sh.legacyVersion);
  s.tlsCipher = `0x${sh.cipherSuite.toString(16).padStart(4, '0')}`;
  s.ja3s = ja3s(sh).hash;
  if (sh.alpn !== null) s.alpnServer = sh.alpn;
}
