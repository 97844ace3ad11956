import { parseHttpRequest } from '../../../dissect/app/http';
import { HttpHeadStream } from '../../../dissect/app/http-stream';
import { HANDSHAKE_CLIENT_HELLO, HANDSHAKE_SERVER_HELLO, parseClientHello, parseServerHello } from '../../../dissect/app/tls';
import { CONTENT_ALERT, CONTENT_HANDSHAKE } from '../../../dissect/app/tls-records';
import { TlsHandshakeStream, TlsStreamStatus } from '../../../dissect/app/tls-stream';
import type { DecodedPacket } from '../../../dissect/decoded-packet';
import { TCP_SYN } from '../../../dissect/tcp';
import { TcpDirKind, type AppMetadataState } from './app-state';
import { readDnsTcpSegment, type DnsAnswerSink } from './dns-inspector';
import { recordClientHello, recordServerHello } from './hello-columns';
import { recordHttpRequest } from './http-inspector';

/**
 * Reads one TCP segment's payload. Each direction is classified by its first
 * payload: TLS records, an HTTP/1.x request, DNS (port 53), or nothing. Which
 * side is the client comes from the content (a ClientHello, a request line),
 * not from who sent the first packet.
 */
export function inspectTcpSegment(s: AppMetadataState, p: DecodedPacket, d: Uint8Array, fwd: boolean, ts: number, sink: DnsAnswerSink | undefined): void {
  const off = p.payloadOffset;
  const len = p.payloadLength;
  let kind = fwd ? s.fwdTcp : s.bwdTcp;
  if (kind === TcpDirKind.Unknown) {
    kind = classify(s, p, d, off, len);
    if (fwd) s.fwdTcp = kind;
    else s.bwdTcp = kind;
  }
  // Data on a SYN (TCP Fast Open) starts one past the SYN's sequence number (RFC 9293 §3.4).
  const seq = (p.tcpFlags & TCP_SYN) !== 0 ? (p.tcpSeq + 1) >>> 0 : p.tcpSeq;
  switch (kind) {
    case TcpDirKind.Tls:
      readTls(s, seq, d, off, len, fwd);
      break;
    case TcpDirKind.Http:
      s.http!.push(seq, d, off, len);
      if (s.http!.request !== null) recordHttpRequest(s, s.http!.request);
      break;
    case TcpDirKind.DnsTcp:
      readDnsTcpSegment(s, p, d, fwd, ts, sink);
      break;
  }
}

/** Nothing more to learn on this connection. */
export function tcpFinished(s: AppMetadataState): boolean {
  return dirFinished(s, s.fwdTcp, s.fwdTls) && dirFinished(s, s.bwdTcp, s.bwdTls);
}

function dirFinished(s: AppMetadataState, kind: TcpDirKind, tls: TlsHandshakeStream | null): boolean {
  switch (kind) {
    case TcpDirKind.None: return true;
    case TcpDirKind.Tls: return tls!.status !== TlsStreamStatus.More;
    case TcpDirKind.Http: return s.http!.finished;
    // Unknown: not heard from yet. DNS: answers keep coming until the packet cap.
    default: return false;
  }
}

function classify(s: AppMetadataState, p: DecodedPacket, d: Uint8Array, off: number, len: number): TcpDirKind {
  if (p.srcPort === 53 || p.dstPort === 53) return TcpDirKind.DnsTcp;
  // A handshake record, or the warning alert some servers send first (RFC 8446 §5.1, RFC 6066 §3).
  if (len >= 2 && (d[off] === CONTENT_HANDSHAKE || d[off] === CONTENT_ALERT) && d[off + 1] === 3) return TcpDirKind.Tls;
  // One request head per connection is enough: a second direction sending requests is not followed.
  if (s.http === null || s.http.request === null) {
    if (parseHttpRequest(d, off, len) !== null) {
      (s.http ??= new HttpHeadStream()).reset();
      return TcpDirKind.Http;
    }
  }
  return TcpDirKind.None;
}

function readTls(s: AppMetadataState, seq: number, d: Uint8Array, off: number, len: number, fwd: boolean): void {
  let stream = fwd ? s.fwdTls : s.bwdTls;
  if (stream === null) {
    stream = new TlsHandshakeStream();
    if (fwd) s.fwdTls = stream;
    else s.bwdTls = stream;
  }
  if (stream.status !== TlsStreamStatus.More) return;
  if (stream.push(seq, d, off, len) !== TlsStreamStatus.Done) return;
  const m = stream.message!;
  const type = m.data[m.offset];
  if (type === HANDSHAKE_CLIENT_HELLO && !s.clientHelloSeen) {
    const ch = parseClientHello(m.data, m.offset, m.length);
    if (ch !== null) recordClientHello(s, ch, 't');
  } else if (type === HANDSHAKE_SERVER_HELLO && !s.serverHelloSeen) {
    const sh = parseServerHello(m.data, m.offset, m.length);
    if (sh !== null) recordServerHello(s, sh);
  }
  stream.message = null;
}
