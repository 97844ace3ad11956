import { parseDns, type DnsMessage } from '../../../dissect/app/dns';
import type { DecodedPacket } from '../../../dissect/decoded-packet';
import type { AppMetadataState } from './app-state';

/**
 * Receives every A/AAAA record the feature reads in a DNS response (answer,
 * authority and additional sections): `address` belongs to `name`, the
 * record's owner, as the response said at engine time `ts` (seconds since the
 * capture's first packet: the engine keeps times relative for precision).
 * `query` is the response's first question, the name the client asked for:
 * behind a CNAME chain it differs from `name` (www.example.com →
 * cdn.provider.net), and glue records answer no question of their own.
 * The integrator builds its IP → name map from these.
 */
export type DnsAnswerSink = (address: string, name: string, ts: number, query: string) => void;

// UDP ports carrying DNS-format messages: DNS (RFC 1035), mDNS (RFC 6762), LLMNR (RFC 4795).
export function isDnsUdpPort(port: number): boolean {
  return port === 53 || port === 5353 || port === 5355;
}

/** One UDP datagram of a DNS flow. */
export function readDnsDatagram(s: AppMetadataState, d: Uint8Array, off: number, len: number, ts: number, sink: DnsAnswerSink | undefined): void {
  const msg = parseDns(d, off, len);
  if (msg !== null) recordDns(s, msg, ts, sink);
}

/**
 * One TCP segment of a DNS-over-TCP flow (RFC 7766 §8: 2-byte length, then the
 * message). Messages are read only where one starts: the first payload of each
 * direction, then wherever the previous message ended, so a segment holding
 * the middle of a message is never mistaken for a new one.
 */
export function readDnsTcpSegment(s: AppMetadataState, p: DecodedPacket, d: Uint8Array, fwd: boolean, ts: number, sink: DnsAnswerSink | undefined): void {
  let next = fwd ? s.fwdDnsNextSeq : s.bwdDnsNextSeq;
  const seq = p.tcpSeq;
  let o = p.payloadOffset;
  const end = o + p.payloadLength;
  if (next >= 0) {
    const delta = (next - seq) | 0;
    if (delta < 0 || delta >= end - o) {
      // Not a message start here; a message starting beyond this segment waits for its own.
      return;
    }
    o += delta;
  }
  // A segment rarely holds more than a few messages; the bound keeps crafted ones cheap.
  for (let i = 0; i < 16 && end - o >= 2; i++) {
    const msgLen = (d[o] << 8) | d[o + 1];
    const msg = parseDns(d, o + 2, Math.min(msgLen, end - o - 2));
    if (msg !== null) {
      if (msgLen > end - o - 2) msg.truncated = true;
      recordDns(s, msg, ts, sink);
    }
    next = (seq + (o - p.payloadOffset) + 2 + msgLen) >>> 0;
    o += 2 + msgLen;
  }
  if (fwd) s.fwdDnsNextSeq = next;
  else s.bwdDnsNextSeq = next;
}

function recordDns(s: AppMetadataState, msg: DnsMessage, ts: number, sink: DnsAnswerSink | undefined): void {
  const q = msg.questions.length > 0 ? msg.questions[0] : null;
  if (s.dnsQuery === null && q !== null) {
    s.dnsQuery = q.name;
    s.dnsQtype = q.qtype;
  }
  if (!msg.isResponse) return;
  if (s.dnsRcode === null) s.dnsRcode = msg.rcode;
  if (sink === undefined) return;
  for (const section of [msg.answers, msg.authority, msg.additional]) {
    for (const r of section) if (r.address !== null) sink(r.address, r.name, ts, q !== null ? q.name : r.name);
  }
}
