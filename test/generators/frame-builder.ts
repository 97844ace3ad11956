/**
 * Builds Ethernet frames (IPv4/IPv6; TCP, UDP, ICMP) in place in one reused
 * buffer, with correct lengths and checksums, for the traffic generators.
 */
export interface Endpoint {
  /** IPv4 as a 32-bit number, or IPv6 as 16 bytes. */
  ip: number | Uint8Array;
  mac: Uint8Array;
}

export interface TcpOptions {
  mss?: number;
  wscale?: number;
  sackPermitted?: boolean;
  /** [tsval, tsecr] */
  timestamps?: [number, number];
}

export const FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

export class FrameBuilder {
  readonly buf = new Uint8Array(70_000);
  private ipId = 1;
  vlan = 0;

  /** Frame with a TCP segment; returns the frame length. */
  tcp(src: Endpoint, dst: Endpoint, sport: number, dport: number, seq: number, ack: number, flags: number, win: number, payload: Uint8Array | number = 0, opts?: TcpOptions): number {
    const optLen = opts ? tcpOptionsLength(opts) : 0;
    const payloadLen = typeof payload === 'number' ? payload : payload.length;
    const l4Len = 20 + optLen + payloadLen;
    const l4 = this.ip(src, dst, 6, l4Len);
    const b = this.buf;
    put16(b, l4, sport);
    put16(b, l4 + 2, dport);
    put32(b, l4 + 4, seq >>> 0);
    put32(b, l4 + 8, ack >>> 0);
    b[l4 + 12] = ((20 + optLen) / 4) << 4;
    b[l4 + 13] = flags;
    put16(b, l4 + 14, win);
    put16(b, l4 + 16, 0);
    put16(b, l4 + 18, 0);
    if (opts) writeTcpOptions(b, l4 + 20, opts);
    this.fillPayload(l4 + 20 + optLen, payload);
    put16(b, l4 + 16, this.l4Checksum(src, dst, 6, l4, l4Len));
    return l4 + l4Len;
  }

  udp(src: Endpoint, dst: Endpoint, sport: number, dport: number, payload: Uint8Array | number): number {
    const payloadLen = typeof payload === 'number' ? payload : payload.length;
    const l4Len = 8 + payloadLen;
    const l4 = this.ip(src, dst, 17, l4Len);
    const b = this.buf;
    put16(b, l4, sport);
    put16(b, l4 + 2, dport);
    put16(b, l4 + 4, l4Len);
    put16(b, l4 + 6, 0);
    this.fillPayload(l4 + 8, payload);
    const sum = this.l4Checksum(src, dst, 17, l4, l4Len);
    put16(b, l4 + 6, sum === 0 ? 0xffff : sum);
    return l4 + l4Len;
  }

  /** ICMP (IPv4) or ICMPv6 echo request/reply. */
  echo(src: Endpoint, dst: Endpoint, reply: boolean, id: number, seq: number, payloadLen: number): number {
    const v6 = typeof src.ip !== 'number';
    const proto = v6 ? 58 : 1;
    const l4Len = 8 + payloadLen;
    const l4 = this.ip(src, dst, proto, l4Len);
    const b = this.buf;
    b[l4] = v6 ? (reply ? 129 : 128) : reply ? 0 : 8;
    b[l4 + 1] = 0;
    put16(b, l4 + 2, 0);
    put16(b, l4 + 4, id);
    put16(b, l4 + 6, seq);
    this.fillPayload(l4 + 8, payloadLen);
    put16(b, l4 + 2, v6 ? this.l4Checksum(src, dst, 58, l4, l4Len) : fold(sum16(b, l4, l4Len, 0)));
    return l4 + l4Len;
  }

  /** Writes Ethernet (+VLAN) and IP headers; returns the transport header's offset. */
  private ip(src: Endpoint, dst: Endpoint, proto: number, l4Len: number): number {
    const b = this.buf;
    b.set(dst.mac, 0);
    b.set(src.mac, 6);
    let o = 12;
    if (this.vlan) {
      put16(b, o, 0x8100);
      put16(b, o + 2, this.vlan & 0x0fff);
      o += 4;
    }
    if (typeof src.ip === 'number') {
      put16(b, o, 0x0800);
      o += 2;
      b[o] = 0x45;
      b[o + 1] = 0;
      put16(b, o + 2, 20 + l4Len);
      put16(b, o + 4, this.ipId++ & 0xffff);
      put16(b, o + 6, 0x4000);
      b[o + 8] = 64;
      b[o + 9] = proto;
      put16(b, o + 10, 0);
      put32(b, o + 12, src.ip >>> 0);
      put32(b, o + 16, (dst.ip as number) >>> 0);
      put16(b, o + 10, fold(sum16(b, o, 20, 0)));
      return o + 20;
    }
    put16(b, o, 0x86dd);
    o += 2;
    put32(b, o, 0x60000000);
    put16(b, o + 4, l4Len);
    b[o + 6] = proto;
    b[o + 7] = 64;
    b.set(src.ip, o + 8);
    b.set(dst.ip as Uint8Array, o + 24);
    return o + 40;
  }

  private fillPayload(at: number, payload: Uint8Array | number): void {
    if (typeof payload === 'number') {
      // Deterministic filler that is not all zeros (compressible but not trivially).
      for (let i = 0; i < payload; i++) this.buf[at + i] = (i * 31 + 7) & 0xff;
    } else {
      this.buf.set(payload, at);
    }
  }

  private l4Checksum(src: Endpoint, dst: Endpoint, proto: number, l4: number, len: number): number {
    let s = 0;
    if (typeof src.ip === 'number') {
      const a = src.ip >>> 0;
      const d = (dst.ip as number) >>> 0;
      s += (a >>> 16) + (a & 0xffff) + (d >>> 16) + (d & 0xffff);
    } else {
      s = sum16(src.ip, 0, 16, s);
      s = sum16(dst.ip as Uint8Array, 0, 16, s);
    }
    s += proto + len;
    return fold(sum16(this.buf, l4, len, s));
  }
}

function tcpOptionsLength(o: TcpOptions): number {
  let n = 0;
  if (o.mss !== undefined) n += 4;
  if (o.wscale !== undefined) n += 3;
  if (o.sackPermitted) n += 2;
  if (o.timestamps) n += 10;
  return (n + 3) & ~3;
}

function writeTcpOptions(b: Uint8Array, at: number, o: TcpOptions): void {
  const end = at + tcpOptionsLength(o);
  if (o.mss !== undefined) {
    b[at++] = 2; b[at++] = 4; put16(b, at, o.mss); at += 2;
  }
  if (o.sackPermitted) {
    b[at++] = 4; b[at++] = 2;
  }
  if (o.timestamps) {
    b[at++] = 8; b[at++] = 10; put32(b, at, o.timestamps[0] >>> 0); put32(b, at + 4, o.timestamps[1] >>> 0); at += 8;
  }
  if (o.wscale !== undefined) {
    b[at++] = 3; b[at++] = 3; b[at++] = o.wscale;
  }
  while (at < end) b[at++] = 1;
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 8) & 0xff;
  b[o + 1] = v & 0xff;
}

function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 0xff;
  b[o + 1] = (v >>> 16) & 0xff;
  b[o + 2] = (v >>> 8) & 0xff;
  b[o + 3] = v & 0xff;
}

function sum16(b: Uint8Array, o: number, len: number, s: number): number {
  let i = 0;
  for (; i + 1 < len; i += 2) s += (b[o + i] << 8) | b[o + i + 1];
  if (i < len) s += b[o + i] << 8;
  return s;
}

function fold(s: number): number {
  while (s > 0xffff) s = (s & 0xffff) + Math.floor(s / 65536);
  return ~s & 0xffff;
}

export function ipv4(text: string): number {
  const p = text.split('.').map(Number);
  return ((p[0] << 24) | (p[1] << 16) | (p[2] << 8) | p[3]) >>> 0;
}

export function ipv6(text: string): Uint8Array {
  const [head, tail] = text.includes('::') ? text.split('::') : [text, ''];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...new Array(8 - h.length - t.length).fill('0'), ...t];
  const out = new Uint8Array(16);
  groups.forEach((g, i) => put16(out, i * 2, parseInt(g, 16)));
  return out;
}

export function mac(n: number): Uint8Array {
  return new Uint8Array([0x02, 0x00, (n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
}
