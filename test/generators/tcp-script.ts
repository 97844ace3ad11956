import type { Endpoint } from './frame-builder';
import type { FlowTruth, ScenarioRecorder } from './scenario-recorder';
import { TcpConn } from './tcp-conn';

export type Peer = Endpoint & { text: string; host: string | null };

/**
 * One scripted TCP connection recorded with its truth: the handshake on
 * creation, then data and ACKs at the times the script says, then the close.
 */
export class TcpScript {
  readonly flow: FlowTruth;
  private readonly conn: TcpConn;

  constructor(
    private readonly rec: ScenarioRecorder,
    name: string,
    client: Peer,
    server: Peer,
    cport: number,
    sport: number,
    public t: number,
    private readonly rtt = 0.03,
  ) {
    this.flow = rec.flow(name, { clientHost: client.host, serverHost: server.host, clientIp: client.text, serverIp: server.text, proto: 'tcp', clientPort: cport, serverPort: sport });
    this.conn = new TcpConn(rec.fb, client, server, cport, sport, [1000 + cport, 5000 + sport]);
    this.rec.emit(this.flow, true, this.t, this.conn.syn());
    this.rec.emit(this.flow, false, (this.t += rtt / 2), this.conn.synAck());
    this.rec.emit(this.flow, true, (this.t += rtt / 2), this.conn.ack(0));
  }

  /** Data from the client (0) or server (1) at `at`, in MSS-sized segments 0.1 ms apart; returns the time after. */
  send(from: 0 | 1, payload: Uint8Array | number, at: number): number {
    let left = typeof payload === 'number' ? payload : payload.length;
    let offset = 0;
    let t = at;
    while (left > 0) {
      const n = Math.min(left, this.conn.segmentSize);
      const part = typeof payload === 'number' ? n : payload.subarray(offset, offset + n);
      this.rec.emit(this.flow, from === 0, t, this.conn.data(from, part));
      left -= n;
      offset += n;
      t += 0.0001;
    }
    this.t = t;
    return t;
  }

  ack(from: 0 | 1, at: number): void {
    this.rec.emit(this.flow, from === 0, at, this.conn.ack(from));
    this.t = at;
  }

  /** A request and its response, the client acknowledging it. */
  exchange(request: Uint8Array | number, response: Uint8Array | number, at: number): number {
    this.send(0, request, at);
    const end = this.send(1, response, at + this.rtt);
    this.ack(0, end + this.rtt / 2);
    return this.t;
  }

  close(at: number): number {
    this.rec.emit(this.flow, true, at, this.conn.fin(0));
    this.rec.emit(this.flow, false, at + this.rtt / 2, this.conn.fin(1));
    this.rec.emit(this.flow, true, (this.t = at + this.rtt), this.conn.ack(0));
    return this.t;
  }

  reset(from: 0 | 1, at: number): void {
    this.rec.emit(this.flow, from === 0, (this.t = at), this.conn.rst(from));
  }
}
