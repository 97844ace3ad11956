import type { DecodedPacket } from '../dissect/decoded-packet';
import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../dissect/tcp';
import type { FlowState } from './flow-state';

const FWD = 1;
const BWD = 2;

/** True when a is at or after b in 32-bit sequence space (RFC 9293 §3.4). */
function seqGe(a: number, b: number): boolean {
  return ((a - b) | 0) >= 0;
}

export function resetTcpLifecycle(f: FlowState): void {
  f.closing = false;
  f.synSeen = false;
  f.isn = 0;
  f.finSeen = f.finAcked = 0;
  f.finEndFwd = f.finEndBwd = 0;
}

/**
 * A SYN that opens a new connection on a 5-tuple whose flow is still in the table:
 * a different initial sequence number from the originator's known SYN (a
 * retransmitted SYN repeats it). Such a SYN starts a new flow instead of joining
 * the old one, which is how CICFlowMeter's port-reuse merging is avoided.
 */
export function isNewConnection(f: FlowState, p: DecodedPacket, fwd: boolean): boolean {
  if ((p.tcpFlags & (TCP_SYN | TCP_ACK)) !== TCP_SYN) return false;
  if (f.closing) return !f.synSeen || p.tcpSeq !== f.isn;
  // While open, only the originator re-opening counts: a SYN from the other side is a simultaneous open.
  return fwd && f.synSeen && p.tcpSeq !== f.isn && f.packets > 2;
}

/**
 * Follows FINs and RSTs; returns 'fin' once both sides sent a FIN and each FIN was
 * acknowledged, 'rst' on a reset, '' otherwise. Engelen et al. (2021) showed
 * CICFlowMeter ending a flow at the first FIN and turning the remaining packets
 * into spurious flows; here the flow only ends at the true end of the connection.
 */
export function tcpLifecycle(f: FlowState, p: DecodedPacket, fwd: boolean): '' | 'fin' | 'rst' {
  const flags = p.tcpFlags;
  if ((flags & (TCP_SYN | TCP_ACK)) === TCP_SYN && fwd && !f.synSeen) {
    f.synSeen = true;
    f.isn = p.tcpSeq;
  }
  if (flags & TCP_RST) return 'rst';
  if (flags & TCP_FIN) {
    // The FIN occupies the sequence number after the segment's data.
    const end = (p.tcpSeq + p.payloadWireLength + 1) >>> 0;
    if (fwd) {
      f.finEndFwd = end;
      f.finSeen |= FWD;
    } else {
      f.finEndBwd = end;
      f.finSeen |= BWD;
    }
  }
  if (flags & TCP_ACK) {
    if (fwd && f.finSeen & BWD && seqGe(p.tcpAck, f.finEndBwd)) f.finAcked |= BWD;
    if (!fwd && f.finSeen & FWD && seqGe(p.tcpAck, f.finEndFwd)) f.finAcked |= FWD;
  }
  return f.finSeen === (FWD | BWD) && f.finAcked === (FWD | BWD) ? 'fin' : '';
}
