import { appDataRecord, clientHello, serverHello } from './app-payloads';
import type { Endpoint } from './frame-builder';
import type { Random } from './random';
import { TcpConn } from './tcp-conn';
import type { SessionContext, SessionScript } from './traffic-scheduler';
import { closeFromClient, handshake } from './tcp-handshake';

/** How a capture's network behaves: every session recorded on it shares these. */
export interface NetworkProfile {
  /** Median round trip, seconds. */
  rtt: number;
  /** Spread (log sigma) of each session's round trip around the median. */
  rttSpread: number;
  /** Probability that a data segment is retransmitted once. */
  loss: number;
}

/** One exchange of a TCP session: bytes up, bytes down, then a pause. */
export interface Exchange {
  up: number;
  down: number;
  pause: number;
}

export interface TlsClient {
  ciphers: number[];
  alpn: string[];
  tls13: boolean;
}

/**
 * A TLS-over-TCP session as apps make them: handshake, ClientHello (the
 * app's own cipher list, so its JA4 is its own) and the server's flight,
 * then exchanges whose uploads and downloads are cut into full segments
 * with an ACK every second segment, as a bulk sender does.
 */
export function* tlsSession(ctx: SessionContext, r: Random, s: { client: Endpoint; server: Endpoint; cport: number; sport: number; t: number; net: NetworkProfile; sni: string; tls: TlsClient; exchanges: Exchange[] }): SessionScript {
  const c = new TcpConn(ctx.fb, s.client, s.server, s.cport, s.sport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = r.logNormal(s.net.rtt, s.net.rttSpread);
  let t = s.t;
  t = yield* handshake(ctx, c, t, rtt, 0.0004);
  ctx.len = c.data(0, clientHello({ sni: s.sni, alpn: s.tls.alpn, ciphers: s.tls.ciphers, random: r.bytes(32), tls13: s.tls.tls13 }));
  yield (t += rtt);
  const sh = serverHello(s.tls.tls13 ? 0x1301 : 0xc02f, r.bytes(32), s.tls.alpn[0] ?? null, s.tls.tls13);
  ctx.len = c.data(1, sh);
  yield (t += 0.0002);
  ctx.len = c.data(1, appDataRecord(r.int(2000, 4200) % 1400 + 40));
  yield (t += rtt / 2);
  ctx.len = c.ack(0);
  for (const x of s.exchanges) {
    yield (t += 0.0005);
    t = yield* bulk(ctx, r, c, 0, x.up, t, rtt, s.net.loss);
    yield (t += rtt);
    t = yield* bulk(ctx, r, c, 1, x.down, t, rtt, s.net.loss);
    t += x.pause;
  }
  yield (t += 0.001);
  yield* closeFromClient(ctx, c, t, rtt);
}

/**
 * `bytes` from one side in full segments (the last one shorter), the other
 * side ACKing every second one. Called right after the caller yielded the
 * first segment's time; returns after building its last frame.
 */
function* bulk(ctx: SessionContext, r: Random, c: TcpConn, from: 0 | 1, bytes: number, t: number, rtt: number, loss: number): Generator<number, number, void> {
  let left = Math.max(1, Math.round(bytes));
  let segs = 0;
  const gap = 0.00008 + rtt / 400;
  while (left > 0) {
    if (segs > 0) yield (t += gap * (1 + r.next()));
    const n = Math.min(left, c.segmentSize);
    ctx.len = c.data(from, n);
    left -= n;
    segs++;
    if (loss > 0 && r.chance(loss)) {
      yield (t += rtt * 1.5);
      c.rewind(from, n);
      ctx.len = c.data(from, n);
    }
    if (segs % 2 === 0 || left === 0) {
      yield (t += 0.00005);
      ctx.len = c.ack(from === 0 ? 1 : 0);
    }
  }
  return t;
}

/** A call over UDP: both sides send at their own packet rate and size for `seconds`. */
export function* udpCall(ctx: SessionContext, r: Random, s: { client: Endpoint; server: Endpoint; cport: number; sport: number; t: number; seconds: number; streams: { pps: number; size: [number, number] }[] }): SessionScript {
  // Each stream sends in both directions; merge their schedules in time order.
  // The client opens the call at t; every other stream starts within its first interval.
  const next = s.streams.flatMap((st, i) => [0, 1].map((dir) => ({ st, dir, at: i === 0 && dir === 0 ? s.t : s.t + (0.5 + r.next()) / st.pps })));
  const end = s.t + s.seconds;
  let at = Math.min(...next.map((n) => n.at));
  yield at;
  for (;;) {
    const i = next.reduce((b, n, j) => (n.at < next[b].at ? j : b), 0);
    const n = next[i];
    const size = r.int(n.st.size[0], n.st.size[1]);
    ctx.len = n.dir === 0 ? ctx.fb.udp(s.client, s.server, s.cport, s.sport, size) : ctx.fb.udp(s.server, s.client, s.sport, s.cport, size);
    n.at += (1 / n.st.pps) * (0.85 + 0.3 * r.next());
    at = Math.min(...next.map((m) => m.at));
    if (at > end) return;
    yield at;
  }
}
