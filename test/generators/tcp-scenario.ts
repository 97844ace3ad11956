import { PcapWriter } from '../../electron/capture/pcap-writer';
import { FrameBuilder, ipv4, mac, type TcpOptions } from './frame-builder';

/** One segment of a scenario: who sends it, when, and its TCP header. */
export interface ScenarioSegment {
  /** Seconds from the scenario's start. */
  t: number;
  /** 'c' the client (the flow's source), 's' the server. */
  from: 'c' | 's';
  seq: number;
  ack: number;
  flags: number;
  /** Raw window field. */
  win: number;
  len?: number;
  opts?: TcpOptions;
}

const client = { ip: ipv4('10.1.0.1'), mac: mac(1) };
const server = { ip: ipv4('10.1.0.2'), mac: mac(2) };

/**
 * Writes a hand-made TCP conversation (client 10.1.0.1:40000, server
 * 10.1.0.2:80) as a pcap, for analysis scenarios that real captures lack.
 */
export function writeTcpScenario(path: string, segments: readonly ScenarioSegment[], start = 1_700_000_000): void {
  const fb = new FrameBuilder();
  const w = new PcapWriter(path);
  for (const s of segments) {
    const [src, dst, sp, dp] = s.from === 'c' ? [client, server, 40000, 80] : [server, client, 80, 40000];
    const n = fb.tcp(src, dst, sp, dp, s.seq, s.ack, s.flags, s.win, s.len ?? 0, s.opts);
    w.write(start + s.t, fb.buf, n);
  }
  w.close();
}
