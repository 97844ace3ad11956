import type { TcpConn } from './tcp-conn';
import type { SessionContext } from './traffic-scheduler';

/**
 * The three-way handshake from `t`: SYN, the SYN-ACK one RTT later, the
 * client's ACK half an RTT after that. Returns the time the client sends its
 * first data, `sendGap` after the ACK.
 */
export function* handshake(ctx: SessionContext, c: TcpConn, t: number, rtt: number, sendGap: number): Generator<number, number, void> {
  yield t;
  ctx.len = c.syn();
  yield (t += rtt);
  ctx.len = c.synAck();
  yield (t += rtt / 2);
  ctx.len = c.ack(0);
  yield (t += sendGap);
  return t;
}

/**
 * The client's close: its FIN, the server's FIN half an RTT later, the client's
 * last ACK half an RTT after that. The client's FIN goes out at `t`; returns
 * the time of the last ACK.
 */
export function* closeFromClient(ctx: SessionContext, c: TcpConn, t: number, rtt: number): Generator<number, number, void> {
  ctx.len = c.fin(0);
  yield (t += rtt / 2);
  ctx.len = c.fin(1);
  yield (t += rtt / 2);
  ctx.len = c.ack(0);
  return t;
}
