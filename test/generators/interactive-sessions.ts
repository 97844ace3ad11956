import { PcapWriter } from '../../electron/capture/pcap-writer';
import { FrameBuilder, ipv4, mac, type Endpoint } from './frame-builder';
import { TcpConn } from './tcp-conn';

/** One data segment: seconds after the connection's start, who sends it, payload bytes. */
export interface Say {
  t: number;
  from: 'c' | 's';
  bytes: number;
}

export interface ConnSpec {
  client: Endpoint;
  server: Endpoint;
  cport: number;
  sport: number;
  /** Epoch seconds of the SYN. */
  start: number;
  says: Say[];
  /** Seconds after start of the client's FIN. */
  end: number;
}

const RTT = 0.002;

/**
 * Writes TCP connections as a pcap: handshake, each data segment acknowledged
 * by a bare ACK 1 ms later, FIN both ways. Frames are written in time order
 * across connections.
 */
export function writeConnections(path: string, conns: readonly ConnSpec[]): void {
  const fb = new FrameBuilder();
  const frames: { t: number; bytes: Uint8Array }[] = [];
  let isn = 1000;
  for (const c of conns) {
    const tcp = new TcpConn(fb, c.client, c.server, c.cport, c.sport, [isn, isn * 7]);
    isn += 100_000;
    const add = (t: number, n: number) => frames.push({ t, bytes: fb.buf.slice(0, n) });
    add(c.start, tcp.syn());
    add(c.start + RTT / 2, tcp.synAck());
    add(c.start + RTT, tcp.ack(0));
    for (const s of c.says) {
      const from = s.from === 'c' ? 0 : 1;
      add(c.start + s.t, tcp.data(from, s.bytes));
      add(c.start + s.t + 0.001, tcp.ack(from === 0 ? 1 : 0));
    }
    add(c.start + c.end, tcp.fin(0));
    add(c.start + c.end + RTT / 2, tcp.fin(1));
    add(c.start + c.end + RTT, tcp.ack(0));
  }
  frames.sort((a, b) => a.t - b.t);
  const w = new PcapWriter(path);
  for (const f of frames) w.write(f.t, f.bytes, f.bytes.length);
  w.close();
}

export const hosts = {
  sshClient: { ip: ipv4('10.0.0.5'), mac: mac(5) },
  telnetClient: { ip: ipv4('10.0.0.6'), mac: mac(6) },
  ftpClient: { ip: ipv4('10.0.0.7'), mac: mac(7) },
  server: { ip: ipv4('10.0.0.9'), mac: mac(9) },
};

/** Keystrokes `gap` seconds apart from `t`, each echoed by the server 20 ms later. */
export function typed(t: number, count: number, gap: number, bytes: number): Say[] {
  return Array.from({ length: count }, (_, i) => [
    { t: t + i * gap, from: 'c' as const, bytes },
    { t: t + i * gap + 0.02, from: 's' as const, bytes },
  ]).flat();
}

/** An authentication exchange that does not look like typing: large client and server messages. */
function login(t: number): Say[] {
  return [
    { t, from: 's', bytes: 400 },
    { t: t + 0.1, from: 'c', bytes: 600 },
    { t: t + 0.3, from: 's', bytes: 700 },
    { t: t + 0.6, from: 'c', bytes: 300 },
  ];
}

/**
 * The interactive-session scenario, with its ground truth:
 * - SSH 10.0.0.5 → 10.0.0.9:22: three failed attempts (5 s, 4 client messages
 *   each) at 22:13:20, :40, :14:00 UTC, then a 100 s session at 22:14:20 with two
 *   commands (10 keystrokes 0.2 s apart; 6 keystrokes 0.15 s apart).
 * - Telnet 10.0.0.6 → 10.0.0.9:23 at 03:00 UTC next day: one command of 12
 *   one-byte keystrokes 50 ms apart (machine-speed), 40 s.
 * - FTP 10.0.0.7 → 10.0.0.9:21 at 10:00 UTC: one failed attempt (3 lines), then
 *   a 60 s session of 6 command lines; plus an FTP data connection from port 20.
 * - An HTTPS connection, which is no interactive session.
 */
export function interactiveScenario(path: string): void {
  const base = 1_700_000_000; // 2023-11-14 22:13:20 UTC
  const { sshClient, telnetClient, ftpClient, server } = hosts;
  const conns: ConnSpec[] = [];
  for (let i = 0; i < 3; i++) conns.push({ client: sshClient, server, cport: 50000 + i, sport: 22, start: base + 20 * i, says: login(0.1), end: 5 });
  conns.push({
    client: sshClient,
    server,
    cport: 50010,
    sport: 22,
    start: base + 60,
    says: [...login(0.1), ...typed(10, 10, 0.2, 36), { t: 17, from: 's', bytes: 500 }, ...typed(20, 6, 0.15, 36), { t: 25, from: 's', bytes: 300 }],
    end: 100,
  });
  const telnetStart = Date.UTC(2023, 10, 15, 3) / 1000;
  conns.push({ client: telnetClient, server, cport: 40000, sport: 23, start: telnetStart, says: [{ t: 0.5, from: 's', bytes: 200 }, ...typed(5, 12, 0.05, 1), { t: 6, from: 's', bytes: 800 }], end: 40 });
  const ftpStart = telnetStart + 7 * 3600;
  const line = (t: number, bytes: number): Say[] => [
    { t, from: 'c', bytes },
    { t: t + 0.05, from: 's', bytes: 30 },
  ];
  conns.push({ client: ftpClient, server, cport: 41000, sport: 21, start: ftpStart, says: [{ t: 0.1, from: 's', bytes: 40 }, ...line(0.5, 12), ...line(1, 14), ...line(1.5, 6)], end: 2 });
  conns.push({
    client: ftpClient,
    server,
    cport: 41001,
    sport: 21,
    start: ftpStart + 30,
    says: [{ t: 0.1, from: 's', bytes: 40 }, ...line(1, 12), ...line(3, 14), ...line(10, 5), ...line(20, 6), ...line(30, 15), ...line(55, 6)],
    end: 60,
  });
  conns.push({ client: server, server: ftpClient, cport: 20, sport: 45000, start: ftpStart + 50, says: [{ t: 0.1, from: 'c', bytes: 1400 }], end: 1 });
  conns.push({ client: sshClient, server, cport: 52000, sport: 443, start: base + 100, says: [{ t: 0.1, from: 'c', bytes: 517 }, ...typed(1, 20, 0.1, 40)], end: 30 });
  writeConnections(path, conns);
}
