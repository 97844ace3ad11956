import { ipv4Text } from '../../../shared/net/address-text';

/** DHCP over BOOTP (RFC 2131 §2, RFC 951): the fixed header and the options that name the client (RFC 2132). */
export interface DhcpMessage {
  /** 1 BOOTREQUEST, 2 BOOTREPLY. */
  op: number;
  xid: number;
  /** Option 53 (RFC 2132 §9.6): 1 DISCOVER, 2 OFFER, 3 REQUEST, 5 ACK…; 0 for plain BOOTP. */
  messageType: number;
  /** chaddr as aa:bb:cc:dd:ee:ff when the hardware is Ethernet (htype 1, hlen 6). */
  clientMac: string | null;
  /** Option 12 (RFC 2132 §3.14). */
  hostname: string | null;
  /** Option 50 (RFC 2132 §9.1). */
  requestedIp: string | null;
  /** Option 60 (RFC 2132 §9.13). */
  vendorClass: string | null;
  /** The options ended without the END option (cut capture or malformed). */
  truncated: boolean;
}

const FIXED = 236;
const MAGIC_COOKIE = 0x63825363; // RFC 2131 §3
const OPT_PAD = 0;
const OPT_END = 255;

/** Parses a BOOTP/DHCP message; null when shorter than the fixed header. Never throws. */
export function parseDhcp(d: Uint8Array, off: number, length: number): DhcpMessage | null {
  const end = Math.min(off + length, d.length);
  if (end - off < FIXED) return null;
  const op = d[off];
  if (op !== 1 && op !== 2) return null;
  const m: DhcpMessage = {
    op,
    xid: ((d[off + 4] << 24) | (d[off + 5] << 16) | (d[off + 6] << 8) | d[off + 7]) >>> 0,
    messageType: 0,
    clientMac: d[off + 1] === 1 && d[off + 2] === 6 ? mac(d, off + 28) : null,
    hostname: null,
    requestedIp: null,
    vendorClass: null,
    truncated: false,
  };
  let o = off + FIXED;
  if (end - o < 4 || ((d[o] << 24) | (d[o + 1] << 16) | (d[o + 2] << 8) | d[o + 3]) >>> 0 !== MAGIC_COOKIE) return m;
  o += 4;
  // Each option takes at least one byte, so the walk ends with the payload.
  for (;;) {
    if (o >= end) {
      m.truncated = true;
      return m;
    }
    const code = d[o];
    if (code === OPT_END) return m;
    if (code === OPT_PAD) {
      o++;
      continue;
    }
    if (o + 2 > end || o + 2 + d[o + 1] > end) {
      m.truncated = true;
      return m;
    }
    const len = d[o + 1];
    const v = o + 2;
    switch (code) {
      case 53:
        if (len >= 1) m.messageType = d[v];
        break;
      case 12:
        m.hostname ??= latin1(d, v, len);
        break;
      case 50:
        if (len === 4) m.requestedIp = ipv4Text(d, v);
        break;
      case 60:
        m.vendorClass ??= latin1(d, v, len);
        break;
    }
    o = v + len;
  }
}

function mac(d: Uint8Array, o: number): string {
  let s = '';
  for (let i = 0; i < 6; i++) s += (i ? ':' : '') + (d[o + i] < 16 ? '0' : '') + d[o + i].toString(16);
  return s;
}

function latin1(d: Uint8Array, o: number, len: number): string {
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(d[o + i]);
  return s;
}
