import { ConnHistory, letter } from './conn-history';
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

const ORIG_DATA = 0x1;
const RESP_DATA = 0x2;
const D = letter('D');
const d = letter('d');

/**
 * Zeek's UDP "connection": each side is active once it sent a datagram, and
 * the history notes the first datagram of each side (D, d). The originator is
 * the flow's source; Zeek may instead flip a flow whose source port is one of
 * its likely server ports, which needs its port list and is not done here.
 */
export class ZeekUdpSession {
  readonly history = new ConnHistory();
  private origActive = false;
  private respActive = false;

  reset(): void {
    this.history.reset();
    this.origActive = this.respActive = false;
  }

  packet(fromSource: boolean): void {
    if (fromSource) {
      this.origActive = true;
      this.history.check(ORIG_DATA, D);
    } else {
      this.respActive = true;
      this.history.check(RESP_DATA, d);
    }
  }

  /** SF when both sides sent, S0 when only the originator, SHR when only the responder. */
  connState(): string {
    if (this.origActive) return this.respActive ? 'SF' : 'S0';
    return this.respActive ? 'SHR' : 'OTH';
  }
}
