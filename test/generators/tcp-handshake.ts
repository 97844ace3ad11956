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
