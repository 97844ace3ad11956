import type { Endpoint } from './frame-builder';
import type { Random } from './random';
import { TcpConn } from './tcp-conn';
import type { SessionContext, SessionScript } from './traffic-scheduler';
import { closeFromClient, handshake } from './tcp-handshake';

/**
 * Session scripts for attacks and anomalies (see attack-scenario.ts); each
 * yields packet times and builds one frame per resume, like sessions.ts.
 */

/** How the target answers a probe: RST (closed port), nothing (filtered), SYN-ACK then the prober's RST (open port). */
export type ProbeAnswer = 'rst' | 'none' | 'open' | 'syn-ack';

/** One SYN probe. 'syn-ack' leaves the handshake half open (a SYN flood's answered SYNs). */
export function* synProbe(ctx: SessionContext, r: Random, src: Endpoint, dst: Endpoint, sport: number, dport: number, t: number, answer: ProbeAnswer): SessionScript {
  const c = new TcpConn(ctx.fb, src, dst, sport, dport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = 0.002 + r.next() * 0.004;
  yield t;
  ctx.len = c.syn();
  if (answer === 'none') return;
  yield t + rtt;
  if (answer === 'rst') {
    ctx.len = c.rst(1);
    return;
  }
  ctx.len = c.synAck();
  if (answer === 'syn-ack') return;
  yield t + rtt + 0.0002;
  ctx.len = c.rst(0);
}

/** A connection the server resets right after the client's request: established, then torn down by RST. */
export function* resetAfterRequest(ctx: SessionContext, r: Random, client: Endpoint, server: Endpoint, cport: number, sport: number, t: number): SessionScript {
  const c = new TcpConn(ctx.fb, client, server, cport, sport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = 0.01 + r.next() * 0.01;
  t = yield* handshake(ctx, c, t, rtt, 0.0005);
  ctx.len = c.data(0, r.int(200, 400));
  yield (t += rtt / 2);
  ctx.len = c.rst(1);
}

/**
 * A connection in which `duplicates` of the server's data segments are each
 * seen twice on the wire, byte for byte (same IP ID, same TCP header): what a
 * mirrored port or a looping switch produces, not a sender's retransmission.
 */
export function* duplicatingSession(ctx: SessionContext, r: Random, client: Endpoint, server: Endpoint, cport: number, sport: number, t: number, segments: number, duplicates: number): SessionScript {
  const c = new TcpConn(ctx.fb, client, server, cport, sport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = 0.02;
  t = yield* handshake(ctx, c, t, rtt, 0.0005);
  ctx.len = c.data(0, 300);
  yield (t += rtt);
  for (let i = 0; i < segments; i++) {
    ctx.len = c.data(1, c.segmentSize);
    if (i < duplicates) {
      // The frame is copied now: another session may build into the shared buffer before the copy is written.
      const copy = ctx.fb.buf.slice(0, ctx.len);
      yield (t += 0.00003);
      ctx.fb.buf.set(copy);
      ctx.len = copy.length;
    }
    yield (t += 0.0002);
    if (i % 2 === 1 || i === segments - 1) {
      ctx.len = c.ack(0);
      yield (t += 0.0001);
    }
  }
  yield* closeFromClient(ctx, c, t, rtt);
}

/** A one-way bulk transfer from the client (an upload), `bytes` long, ACKed every other segment. */
export function* bulkUpload(ctx: SessionContext, r: Random, client: Endpoint, server: Endpoint, cport: number, sport: number, t: number, bytes: number): SessionScript {
  const c = new TcpConn(ctx.fb, client, server, cport, sport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = 0.03;
  yield t;
  ctx.len = c.syn();
  yield (t += rtt);
  ctx.len = c.synAck();
  yield (t += rtt / 2);
  ctx.len = c.ack(0);
  let left = bytes;
  for (let i = 0; left > 0; i++) {
    yield (t += 0.0002);
    const n = Math.min(left, c.segmentSize);
    ctx.len = c.data(0, n);
    left -= n;
    if (i % 2 === 1 || left === 0) {
      yield (t += 0.0001);
      ctx.len = c.ack(1);
    }
  }
  yield (t += 0.001);
  yield* closeFromClient(ctx, c, t, rtt);
}

/**
 * A download in which the first `retransmitted` of the server's `segments`
 * data segments go unacknowledged and are sent again after a 200 ms timeout
 * (a new IP datagram each time: a sender's retransmission, not a duplicate).
 */
export function* retransmittingSession(ctx: SessionContext, r: Random, client: Endpoint, server: Endpoint, cport: number, sport: number, t: number, segments: number, retransmitted: number): SessionScript {
  const c = new TcpConn(ctx.fb, client, server, cport, sport, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = 0.02;
  t = yield* handshake(ctx, c, t, rtt, 0.0005);
  ctx.len = c.data(0, 320);
  yield (t += rtt);
  for (let i = 0; i < segments; i++) {
    ctx.len = c.data(1, c.segmentSize);
    if (i < retransmitted) {
      yield (t += 0.2);
      c.rewind(1, c.segmentSize);
      ctx.len = c.data(1, c.segmentSize);
    }
    yield (t += rtt / 2);
    ctx.len = c.ack(0);
    yield (t += 0.0002);
  }
  yield* closeFromClient(ctx, c, t, rtt);
}
