/** Application payloads for generated traffic: DNS, TLS hellos, HTTP requests. */

export function dnsQuery(id: number, name: string, qtype: number): Uint8Array {
  const q = encodeName(name);
  const out = new Uint8Array(12 + q.length + 4);
  put16(out, 0, id);
  put16(out, 2, 0x0100); // standard query, recursion desired
  put16(out, 4, 1);
  out.set(q, 12);
  put16(out, 12 + q.length, qtype);
  put16(out, 14 + q.length, 1);
  return out;
}

/** A response with the question and one answer per address (A: 4 bytes, AAAA: 16 bytes). */
export function dnsResponse(id: number, name: string, qtype: number, addresses: Uint8Array[], ttl = 300): Uint8Array {
  const q = encodeName(name);
  const answers = addresses.map((a) => 2 + 2 + 2 + 4 + 2 + a.length);
  const out = new Uint8Array(12 + q.length + 4 + answers.reduce((x, y) => x + y, 0));
  put16(out, 0, id);
  put16(out, 2, 0x8180);
  put16(out, 4, 1);
  put16(out, 6, addresses.length);
  out.set(q, 12);
  let o = 12 + q.length;
  put16(out, o, qtype);
  put16(out, o + 2, 1);
  o += 4;
  for (const a of addresses) {
    put16(out, o, 0xc00c); // pointer to the question name
    put16(out, o + 2, a.length === 4 ? 1 : 28);
    put16(out, o + 4, 1);
    put32(out, o + 6, ttl);
    put16(out, o + 10, a.length);
    out.set(a, o + 12);
    o += 12 + a.length;
  }
  return out;
}

function encodeName(name: string): Uint8Array {
  const parts = name.split('.').filter(Boolean);
  const out: number[] = [];
  for (const p of parts) {
    out.push(p.length);
    for (const c of p) out.push(c.charCodeAt(0));
  }
  out.push(0);
  return new Uint8Array(out);
}

export interface ClientHelloSpec {
  sni: string;
  alpn: string[];
  ciphers: number[];
  /** Inserted as the first cipher, extension and group, as browsers do (RFC 8701). */
  grease?: number;
  random: Uint8Array;
  tls13?: boolean;
}

/** A TLS 1.2/1.3 ClientHello record with SNI, ALPN, groups, point formats, signature algorithms. */
export function clientHello(s: ClientHelloSpec): Uint8Array {
  const exts: number[][] = [];
  const ext = (type: number, body: number[]) => exts.push([type >> 8, type & 255, body.length >> 8, body.length & 255, ...body]);
  if (s.grease !== undefined) ext(s.grease, []);
  const host = [...s.sni].map((c) => c.charCodeAt(0));
  ext(0, [...u16(host.length + 3), 0, ...u16(host.length), ...host]);
  ext(23, []); // extended master secret
  ext(65281, [0]); // renegotiation info
  const groups = [...(s.grease !== undefined ? [s.grease] : []), 29, 23, 24];
  ext(10, [...u16(groups.length * 2), ...groups.flatMap(u16)]);
  ext(11, [1, 0]);
  if (s.alpn.length) {
    const list = s.alpn.flatMap((p) => [p.length, ...[...p].map((c) => c.charCodeAt(0))]);
    ext(16, [...u16(list.length), ...list]);
  }
  const sigs = [0x0403, 0x0804, 0x0401, 0x0503, 0x0805, 0x0501, 0x0806, 0x0601];
  ext(13, [...u16(sigs.length * 2), ...sigs.flatMap(u16)]);
  if (s.tls13) {
    ext(43, [4, 0x03, 0x04, 0x03, 0x03]);
    const key = Array.from({ length: 32 }, (_, i) => s.random[i % s.random.length] ^ 0x5a);
    ext(51, [...u16(key.length + 4), ...u16(29), ...u16(key.length), ...key]);
  }
  const ciphers = [...(s.grease !== undefined ? [s.grease] : []), ...s.ciphers];
  const extBytes = exts.flat();
  const body = [
    0x03, 0x03,
    ...s.random,
    32, ...Array.from({ length: 32 }, (_, i) => s.random[31 - i]),
    ...u16(ciphers.length * 2), ...ciphers.flatMap(u16),
    1, 0,
    ...u16(extBytes.length), ...extBytes,
  ];
  return record(22, [1, ...u24(body.length), ...body]);
}

/** A ServerHello choosing `cipher`, with ALPN and (for TLS 1.3) supported_versions. */
export function serverHello(cipher: number, random: Uint8Array, alpn: string | null, tls13: boolean): Uint8Array {
  const exts: number[] = [];
  const ext = (type: number, b: number[]) => exts.push(...u16(type), ...u16(b.length), ...b);
  ext(65281, [0]);
  if (alpn) ext(16, [...u16(alpn.length + 1), alpn.length, ...[...alpn].map((c) => c.charCodeAt(0))]);
  if (tls13) ext(43, [0x03, 0x04]);
  const body = [0x03, 0x03, ...random, 32, ...random, ...u16(cipher), 0, ...u16(exts.length), ...exts];
  return record(22, [2, ...u24(body.length), ...body]);
}

/** Opaque TLS application data of `len` bytes including the 5-byte record header. */
export function appDataRecord(len: number): Uint8Array {
  const body = Array.from({ length: Math.max(0, len - 5) }, (_, i) => (i * 131 + 17) & 255);
  return record(23, body);
}

export function httpGet(host: string, path: string, userAgent: string): Uint8Array {
  return ascii(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\nConnection: keep-alive\r\n\r\n`);
}

export function httpResponseHead(contentLength: number): Uint8Array {
  return ascii(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${contentLength}\r\nServer: gen\r\n\r\n`);
}

export function ascii(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 255;
  return out;
}

function record(type: number, body: number[]): Uint8Array {
  return new Uint8Array([type, 0x03, 0x01, ...u16(body.length), ...body]);
}

function u16(v: number): number[] {
  return [(v >> 8) & 255, v & 255];
}

function u24(v: number): number[] {
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >> 8) & 255;
  b[o + 1] = v & 255;
}

function put32(b: Uint8Array, o: number, v: number): void {
  b[o] = (v >>> 24) & 255;
  b[o + 1] = (v >>> 16) & 255;
  b[o + 2] = (v >>> 8) & 255;
  b[o + 3] = v & 255;
}
