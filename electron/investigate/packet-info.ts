import { parseDns } from '../dissect/app/dns';
import { parseHttpRequest, parseHttpResponse } from '../dissect/app/http';
import type { DecodedPacket } from '../dissect/decoded-packet';
import { IPPROTO_ICMP, IPPROTO_ICMPV6 } from '../dissect/icmp';
import { IPPROTO_TCP, TCP_ACK, TCP_CWR, TCP_ECE, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, TCP_URG } from '../dissect/tcp';
import { IPPROTO_UDP } from '../dissect/udp';

const FLAG_NAMES: [number, string][] = [
  [TCP_FIN, 'FIN'], [TCP_SYN, 'SYN'], [TCP_RST, 'RST'], [TCP_PSH, 'PSH'], [TCP_ACK, 'ACK'], [TCP_URG, 'URG'], [TCP_ECE, 'ECE'], [TCP_CWR, 'CWR'],
];

export function tcpFlagText(flags: number): string {
  return FLAG_NAMES.filter(([bit]) => flags & bit).map(([, n]) => n).join(', ');
}

const TLS_CONTENT: Record<number, string> = { 20: 'Change Cipher Spec', 21: 'Alert', 22: 'Handshake', 23: 'Application Data' };
const TLS_HANDSHAKE: Record<number, string> = { 1: 'Client Hello', 2: 'Server Hello', 4: 'New Session Ticket', 11: 'Certificate', 12: 'Server Key Exchange', 14: 'Server Hello Done', 16: 'Client Key Exchange' };

/** What the payload says, in the few words of Wireshark's Info column; '' when nothing is recognised. */
function payloadInfo(p: DecodedPacket, d: Uint8Array): string {
  const off = p.payloadOffset;
  const len = p.payloadLength;
  if (len <= 0) return '';
  const ports = [p.srcPort, p.dstPort];
  if (p.proto === IPPROTO_UDP && (ports.includes(53) || ports.includes(5353))) {
    const m = parseDns(d, off, len);
    if (m) {
      const q = m.questions[0];
      const what = q ? `${q.name}` : '';
      return m.isResponse ? `DNS response${m.rcode ? ` (rcode ${m.rcode})` : ''} ${what} ${m.answers.filter((a) => a.address).map((a) => a.address).join(' ')}`.trim() : `DNS query ${what}`;
    }
  }
  // A TLS record header: content type 20–23, version 3.x.
  if (len >= 6 && d[off] >= 20 && d[off] <= 23 && d[off + 1] === 3) {
    const type = d[off];
    if (type === 22 && len >= 6) return `TLS ${TLS_HANDSHAKE[d[off + 5]] ?? 'Handshake'}`;
    return `TLS ${TLS_CONTENT[type]}`;
  }
  const req = parseHttpRequest(d, off, len);
  if (req) return `HTTP ${req.method} ${req.target ?? ''}`.trim();
  const res = parseHttpResponse(d, off, len);
  if (res) return `HTTP ${res.status}`;
  return '';
}

/** A one-line description of a decoded packet (ports, flags, numbers, what the payload is). */
export function packetInfo(p: DecodedPacket, d: Uint8Array, relSeq: number, relAck: number): string {
  if (p.icmpError) return `ICMP error (type ${p.icmpType}, code ${p.icmpCode}) quoting this flow`;
  if (p.proto === IPPROTO_ICMP || p.proto === IPPROTO_ICMPV6) return `ICMP type ${p.icmpType} code ${p.icmpCode}`;
  if (!p.hasPorts) return p.fragOffset ? `IP fragment (offset ${p.fragOffset})` : `IP protocol ${p.proto}`;
  const payload = p.payloadWireLength > 0 ? p.payloadWireLength : p.payloadLength;
  const app = payloadInfo(p, d);
  if (p.proto === IPPROTO_TCP) {
    const base = `${p.srcPort} → ${p.dstPort} [${tcpFlagText(p.tcpFlags)}] Seq=${relSeq}${p.tcpFlags & TCP_ACK ? ` Ack=${relAck}` : ''} Win=${p.tcpWindow} Len=${payload}`;
    return app ? `${app} · ${base}` : base;
  }
  const base = `${p.srcPort} → ${p.dstPort} Len=${payload}`;
  return app ? `${app} · ${base}` : base;
}
