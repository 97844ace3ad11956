import { ipv4Text, ipv6Text } from '../../../shared/net/address-text';
import { readDnsName, type DnsNameRead } from './dns-name';

/** DNS messages (RFC 1035 §4.1) over UDP, or over TCP behind a 2-byte length (RFC 1035 §4.2.2, RFC 7766). */

export const DNS_TYPE_A = 1;
export const DNS_TYPE_CNAME = 5;
export const DNS_TYPE_PTR = 12;
export const DNS_TYPE_AAAA = 28;

export interface DnsQuestion {
  name: string;
  qtype: number;
}

export interface DnsAnswer {
  name: string;
  type: number;
  ttl: number;
  /** A/AAAA: the address as text; null for other types. */
  address: string | null;
  /** CNAME/PTR: the target name; null for other types. */
  target: string | null;
}

export interface DnsMessage {
  id: number;
  flags: number;
  isResponse: boolean;
  opcode: number;
  rcode: number;
  questions: DnsQuestion[];
  answers: DnsAnswer[];
  /** Authority and additional sections (RFC 1035 §4.1): NS records and their glue A/AAAA. */
  authority: DnsAnswer[];
  additional: DnsAnswer[];
  /** The message ended (or went malformed) before all its announced records were read. */
  truncated: boolean;
}

// Bounds a crafted count can't push past: a real message rarely has more.
const MAX_QUESTIONS = 16;
const MAX_RECORDS = 128;
const HEADER = 12;

/** Parses a DNS message; null when it cannot be one (shorter than the header). Never throws. */
export function parseDns(d: Uint8Array, off: number, length: number): DnsMessage | null {
  const end = Math.min(off + length, d.length);
  if (end - off < HEADER) return null;
  const flags = (d[off + 2] << 8) | d[off + 3];
  const qdcount = (d[off + 4] << 8) | d[off + 5];
  const counts = [(d[off + 6] << 8) | d[off + 7], (d[off + 8] << 8) | d[off + 9], (d[off + 10] << 8) | d[off + 11]];
  const msg: DnsMessage = {
    id: (d[off] << 8) | d[off + 1],
    flags,
    isResponse: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0x0f,
    rcode: flags & 0x0f,
    questions: [],
    answers: [],
    authority: [],
    additional: [],
    truncated: false,
  };
  const n: DnsNameRead = { name: '', next: -1 };
  let o = off + HEADER;
  for (let i = 0; i < qdcount; i++) {
    // An unreadable name whose end is still known (a pointer loop) costs only that question.
    const readable = readDnsName(d, off, end, o, n);
    if (n.next < 0 || n.next + 4 > end) return truncated(msg);
    if (readable && i < MAX_QUESTIONS) msg.questions.push({ name: n.name, qtype: (d[n.next] << 8) | d[n.next + 1] });
    o = n.next + 4;
  }
  const sections = [msg.answers, msg.authority, msg.additional];
  let records = 0;
  for (let sec = 0; sec < 3; sec++) {
    for (let i = 0; i < counts[sec]; i++) {
      if (++records > MAX_RECORDS) return msg;
      const readable = readDnsName(d, off, end, o, n);
      if (n.next < 0 || n.next + 10 > end) return truncated(msg);
      const p = n.next;
      const owner = n.name;
      const type = (d[p] << 8) | d[p + 1];
      const ttl = ((d[p + 4] << 24) | (d[p + 5] << 16) | (d[p + 6] << 8) | d[p + 7]) >>> 0;
      const rdlength = (d[p + 8] << 8) | d[p + 9];
      const rdata = p + 10;
      if (rdata + rdlength > end) return truncated(msg);
      const answer: DnsAnswer = { name: owner, type, ttl, address: null, target: null };
      if (type === DNS_TYPE_A && rdlength === 4) answer.address = ipv4Text(d, rdata);
      else if (type === DNS_TYPE_AAAA && rdlength === 16) answer.address = ipv6Text(d, rdata);
      else if ((type === DNS_TYPE_CNAME || type === DNS_TYPE_PTR) && readDnsName(d, off, rdata + rdlength, rdata, n)) answer.target = n.name;
      if (readable) sections[sec].push(answer);
      o = rdata + rdlength;
    }
  }
  return msg;
}

/**
 * DNS over TCP: a 2-byte length, then the message. Parses the first message of
 * a segment, even when the segment holds only its beginning (partial result).
 */
export function parseDnsTcp(d: Uint8Array, off: number, length: number): DnsMessage | null {
  if (length < 2 + HEADER) return null;
  const msgLen = (d[off] << 8) | d[off + 1];
  if (msgLen < HEADER) return null;
  const msg = parseDns(d, off + 2, Math.min(msgLen, length - 2));
  if (msg && msgLen > length - 2) msg.truncated = true;
  return msg;
}

function truncated(msg: DnsMessage): DnsMessage {
  msg.truncated = true;
  return msg;
}
