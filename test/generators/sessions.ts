import { appDataRecord, ascii, clientHello, dnsQuery, dnsResponse, httpGet, httpResponseHead, serverHello } from './app-payloads';
import type { Endpoint } from './frame-builder';
import type { Random } from './random';
import { TcpConn } from './tcp-conn';
import type { SessionContext, SessionScript } from './traffic-scheduler';

/** Session scripts: each yields packet times and builds one frame per resume (see TrafficScheduler). */

export interface Site {
  name: string;
  ip: Endpoint;
  alpn: string[];
}

const BROWSER_CIPHERS = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035];
const GREASE = [0x0a0a, 0x1a1a, 0x2a2a, 0x3a3a, 0x4a4a, 0x5a5a, 0x6a6a, 0x7a7a, 0x8a8a, 0x9a9a, 0xaaaa, 0xbaba, 0xcaca, 0xdada, 0xeaea, 0xfafa];

export function* dnsLookup(ctx: SessionContext, r: Random, client: Endpoint, resolver: Endpoint, cport: number, name: string, answer: Endpoint, t: number): SessionScript {
  const id = r.int(0, 65535);
  const v6 = typeof answer.ip !== 'number';
  const qtype = v6 ? 28 : 1;
  yield t;
  ctx.len = ctx.fb.udp(client, resolver, cport, 53, dnsQuery(id, name, qtype));
  yield t + r.logNormal(0.015, 0.6);
  const addr = v6 ? (answer.ip as Uint8Array) : u32bytes(answer.ip as number);
  ctx.len = ctx.fb.udp(resolver, client, 53, cport, dnsResponse(id, name, qtype, [addr]));
}

export interface TcpSessionSpec {
  client: Endpoint;
  server: Endpoint;
  cport: number;
  sport: number;
  t: number;
  rtt: number;
  /** Request/response exchanges after the handshake. */
  exchanges: number;
  requestBytes: () => number;
  responseBytes: () => number;
  /** Seconds of think time between exchanges. */
  think: () => number;
  /** Client payload that opens the conversation (TLS ClientHello, HTTP request), if any. */
  hello?: { client: Uint8Array; server: Uint8Array[] };
  close: 'fin' | 'rst';
  /** Probability that a data segment is retransmitted once. */
  retransmit?: number;
}

/** A TCP conversation: handshake, optional hello, request/response exchanges, teardown. */
export function* tcpSession(ctx: SessionContext, r: Random, s: TcpSessionSpec): SessionScript {
  const c = new TcpConn(ctx.fb, s.client, s.server, s.cport, s.sport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const half = s.rtt / 2;
  let t = s.t;
  const jitter = () => half * (0.8 + 0.4 * r.next());
  yield t;
  ctx.len = c.syn();
  yield (t += s.rtt);
  ctx.len = c.synAck();
  yield (t += jitter());
  ctx.len = c.ack(0);
  if (s.hello) {
    yield (t += 0.0005);
    ctx.len = c.data(0, s.hello.client);
    yield (t += s.rtt);
    for (const seg of s.hello.server) {
      ctx.len = c.data(1, seg);
      yield (t += 0.0002);
    }
    ctx.len = c.ack(0);
    yield (t += 0.0005);
  } else {
    yield (t += 0.0005);
  }
  for (let x = 0; x < s.exchanges; x++) {
    const req = Math.max(1, Math.round(s.requestBytes()));
    ctx.len = c.data(0, Math.min(req, c.segmentSize));
    yield (t += s.rtt);
    let left = Math.max(1, Math.round(s.responseBytes()));
    let segs = 0;
    while (left > 0) {
      const n = Math.min(left, c.segmentSize);
      ctx.len = c.data(1, n);
      left -= n;
      segs++;
      if (s.retransmit && r.chance(s.retransmit)) {
        yield (t += s.rtt * 1.5);
        c.rewind(1, n);
        ctx.len = c.data(1, n);
      }
      yield (t += 0.00012 * (1 + r.next()));
      if (segs % 2 === 0 || left === 0) {
        ctx.len = c.ack(0);
        yield (t += 0.0001);
      }
    }
    if (x < s.exchanges - 1) {
      // The time to the next request is think time, not network time.
      t += s.think();
    }
  }
  if (s.close === 'rst') {
    ctx.len = c.rst(0);
    return;
  }
  ctx.len = c.fin(0);
  yield (t += jitter());
  ctx.len = c.fin(1);
  yield (t += jitter());
  ctx.len = c.ack(0);
}

/** TLS hello payloads for a site: ClientHello (with GREASE, SNI, ALPN) and the server's flight. */
export function tlsHello(r: Random, site: Site, tls13: boolean): { client: Uint8Array; server: Uint8Array[] } {
  const ch = clientHello({ sni: site.name, alpn: site.alpn, ciphers: BROWSER_CIPHERS, grease: r.pick(GREASE), random: r.bytes(32), tls13 });
  const sh = serverHello(tls13 ? 0x1301 : 0xc02f, r.bytes(32), site.alpn[0] ?? null, tls13);
  const flight = [concat(sh, appDataRecord(1448 - sh.length)), appDataRecord(1448), appDataRecord(r.int(300, 1200))];
  return { client: ch, server: flight };
}

export function httpHello(site: Site, path: string, bodyBytes: number): { client: Uint8Array; server: Uint8Array[] } {
  const head = httpResponseHead(bodyBytes);
  const first = concat(head, ascii('<html>'.padEnd(Math.min(bodyBytes, 1448 - head.length), 'x')));
  return { client: httpGet(site.name, path, 'Mozilla/5.0 (X11; Linux x86_64) flowsight-gen'), server: [first] };
}

export function* ntpExchange(ctx: SessionContext, r: Random, client: Endpoint, server: Endpoint, cport: number, t: number): SessionScript {
  yield t;
  ctx.len = ctx.fb.udp(client, server, cport, 123, 48);
  yield t + r.logNormal(0.03, 0.4);
  ctx.len = ctx.fb.udp(server, client, 123, cport, 48);
}

export function* ping(ctx: SessionContext, r: Random, client: Endpoint, server: Endpoint, count: number, t: number): SessionScript {
  const id = r.int(1, 65535);
  const rtt = r.logNormal(0.02, 0.5);
  yield t;
  for (let i = 0; i < count; i++) {
    ctx.len = ctx.fb.echo(client, server, false, id, i + 1, 56);
    yield t + rtt;
    ctx.len = ctx.fb.echo(server, client, true, id, i + 1, 56);
    if (i === count - 1) return;
    t += 1;
    yield t;
  }
}

function u32bytes(v: number): Uint8Array {
  return new Uint8Array([(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
