import { EndpointState as E, type ZeekTcpEndpoint } from './zeek-tcp-endpoint';
import type { ZeekTcpSession } from './zeek-tcp-session';

/** Zeek's RSTOS0 test on the history: the originator's SYN, then its RST, with nothing from the other side answering. */
const RSTOS0_HISTORY = /^\^?S[^HAFGIQ]*R.*$/;

function inactive(ep: ZeekTcpEndpoint): boolean {
  return ep.state === E.Inactive || ep.state === E.Partial;
}

/**
 * Zeek's conn_state for a TCP connection, from the final states of its two
 * endpoints (base/protocols/conn/main.zeek, function conn_state).
 */
export function tcpConnState(s: ZeekTcpSession): string {
  const o = s.orig;
  const r = s.resp;
  const os = o.state;
  const rs = r.state;
  if (rs === E.Reset) {
    if (os === E.SynSent || os === E.SynAckSent || (os === E.Reset && o.size(r) === 0 && r.size(o) === 0)) return 'REJ';
    return inactive(o) ? 'RSTRH' : 'RSTR';
  }
  if (os === E.Reset) {
    if (inactive(r)) return RSTOS0_HISTORY.test(s.history.toString()) ? 'RSTOS0' : 'OTH';
    return 'RSTO';
  }
  if (rs === E.Closed && os === E.Closed) return 'SF';
  if (os === E.Closed) return inactive(r) ? 'SH' : 'S2';
  if (rs === E.Closed) return inactive(o) ? 'SHR' : 'S3';
  if (os === E.SynSent && rs === E.Inactive) return 'S0';
  if (os === E.Established && rs === E.Established) return 'S1';
  return 'OTH';
}

/**
 * Zeek's UDP "connection": each side is active once it sent a datagram, and
 * the history notes the first datagram of each side (D, d). The originator is
 * the flow's source; Zeek may instead flip a flow whose source port is one of
 * its likely server ports, which needs its port list and is not done here.
 * Its history has at most those two letters, so it is kept as the order in
 * which the sides first spoke rather than in a ConnHistory buffer: UDP flows
 * are most of the active flows, and this is per-flow memory.
 */
export class ZeekUdpSession {
  private origActive = false;
  private respActive = false;
  /** The responder spoke first (its 'd' leads the history). */
  private respFirst = false;

  reset(): void {
    this.origActive = this.respActive = this.respFirst = false;
  }

  packet(fromSource: boolean): void {
    if (fromSource) {
      this.origActive = true;
    } else {
      if (!this.origActive && !this.respActive) this.respFirst = true;
      this.respActive = true;
    }
  }

  /** Zeek's history: D and d in the order the sides first sent; null before any datagram. */
  history(): string | null {
    if (!this.origActive) return this.respActive ? 'd' : null;
    if (!this.respActive) return 'D';
    return this.respFirst ? 'dD' : 'Dd';
  }

  /** SF when both sides sent, S0 when only the originator, SHR when only the responder. */
  connState(): string {
    if (this.origActive) return this.respActive ? 'SF' : 'S0';
    return this.respActive ? 'SHR' : 'OTH';
  }
}
