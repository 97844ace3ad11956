import { clientHello, serverHello, appDataRecord } from './app-payloads';
import { ipv4, ipv6, type Endpoint } from './frame-builder';
import { Random } from './random';
import { dnsLookup } from './sessions';
import { TcpConn } from './tcp-conn';
import { TrafficScheduler, type SessionContext, type SessionScript } from './traffic-scheduler';
import { closeFromClient, handshake } from './tcp-handshake';

/**
 * Seed 002's capture set-up, generated: one phone whose apps perform known
 * activities (each activity one TLS connection, after a DNS lookup), captured
 * next to a proxy whose own background traffic pollutes the capture, another
 * device chattering (SSDP, mDNS over IPv6 link-local) and ARP frames. The
 * ground truth lists every activity's 5-tuple and start, so tests can check
 * import filters and labelling to the flow.
 */
export interface AppActivityOptions {
  seed: number;
  out: string;
  /** Activities performed by the phone. */
  activities: number;
  start?: number;
}

export interface GroundTruthSession {
  label: string;
  proto: 'tcp';
  clientIp: string;
  clientPort: number;
  serverIp: string;
  serverPort: number;
  /** Time of the SYN, epoch seconds (as the pcap stores it: microseconds). */
  firstTs: number;
  sni: string;
}

export interface AppActivityCapture {
  packets: number;
  sessions: GroundTruthSession[];
  phone: string;
  proxy: string;
  otherHost: string;
  otherHost6: string;
  arpFrames: number;
}

interface Activity {
  app: string;
  activity: string;
  host: string;
  ip: string;
  /** Cipher suites the app's TLS stack offers (so each app has its own JA4). */
  ciphers: number[];
  up: [number, number];
  down: [number, number];
  /** Reuse one client port for every session of this activity (a 5-tuple seen again later). */
  fixedPort?: number;
}

const WA = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f];
const IG = [0x1301, 0x1303, 0x1302, 0xc02c, 0xc030, 0xcca9];
const MAPS = [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8];

const ACTIVITIES: Activity[] = [
  { app: 'WhatsApp', activity: 'send-text', host: 'g.whatsapp.net', ip: '157.240.1.53', ciphers: WA, up: [300, 900], down: [200, 600], fixedPort: 41001 },
  { app: 'WhatsApp', activity: 'send-photo', host: 'mmg.whatsapp.net', ip: '157.240.1.60', ciphers: WA, up: [60_000, 180_000], down: [400, 900] },
  { app: 'Instagram', activity: 'browse-feed', host: 'i.instagram.com', ip: '157.240.2.174', ciphers: IG, up: [800, 2000], down: [80_000, 250_000] },
  { app: 'Instagram', activity: 'view-story', host: 'scontent.cdninstagram.com', ip: '157.240.2.20', ciphers: IG, up: [400, 900], down: [150_000, 400_000] },
  { app: 'Maps', activity: 'search', host: 'maps.googleapis.com', ip: '142.250.1.95', ciphers: MAPS, up: [500, 1500], down: [3000, 12_000] },
];

function macOf(n: number): Uint8Array {
  return new Uint8Array([0x02, 0, 0, 0, (n >> 8) & 255, n & 255]);
}

/** A TLS connection that moves `up` bytes from the client and `down` bytes from the server, in MSS segments. */
function* transfer(ctx: SessionContext, r: Random, a: Activity, client: Endpoint, server: Endpoint, cport: number, t: number): SessionScript {
  const c = new TcpConn(ctx.fb, client, server, cport, 443, [r.int(0, 0xffffffff), r.int(0, 0xffffffff)]);
  const rtt = r.logNormal(0.04, 0.3);
  t = yield* handshake(ctx, c, t, rtt, 0.0005);
  ctx.len = c.data(0, clientHello({ sni: a.host, alpn: ['h2'], ciphers: a.ciphers, random: r.bytes(32), tls13: true }));
  yield (t += rtt);
  ctx.len = c.data(1, serverHello(0x1301, r.bytes(32), 'h2', true));
  for (const [from, total] of [[0, r.int(...a.up)], [1, r.int(...a.down)]] as [0 | 1, number][]) {
    let left = total;
    let segs = 0;
    while (left > 0) {
      yield (t += 0.0003 * (1 + r.next()));
      const n = Math.min(left, c.segmentSize);
      ctx.len = c.data(from, n === c.segmentSize ? n : appDataRecord(Math.max(n, 6)));
      left -= n;
      if (++segs % 2 === 0 || left <= 0) {
        yield (t += rtt / 2);
        ctx.len = c.ack(from === 0 ? 1 : 0);
      }
    }
  }
  yield (t += 0.05);
  yield* closeFromClient(ctx, c, t, rtt);
}

/** An ARP request and its reply (non-IP frames). */
function* arp(ctx: SessionContext, a: { mac: Uint8Array; ip: number }, b: { mac: Uint8Array; ip: number }, t: number): SessionScript {
  const frame = (reply: boolean) => {
    const buf = ctx.fb.buf;
    const [src, dst] = reply ? [b, a] : [a, b];
    buf.set(reply ? dst.mac : new Uint8Array([255, 255, 255, 255, 255, 255]), 0);
    buf.set(src.mac, 6);
    buf.set([0x08, 0x06, 0, 1, 0x08, 0x00, 6, 4, 0, reply ? 2 : 1], 12);
    buf.set(src.mac, 22);
    buf.set([src.ip >>> 24, (src.ip >>> 16) & 255, (src.ip >>> 8) & 255, src.ip & 255], 28);
    buf.set(reply ? dst.mac : new Uint8Array(6), 32);
    buf.set([dst.ip >>> 24, (dst.ip >>> 16) & 255, (dst.ip >>> 8) & 255, dst.ip & 255], 38);
    buf.fill(0, 42, 60);
    return 60;
  };
  yield t;
  ctx.len = frame(false);
  yield t + 0.0004;
  ctx.len = frame(true);
}

function* udpOnce(ctx: SessionContext, from: Endpoint, to: Endpoint, sport: number, dport: number, bytes: number, t: number): SessionScript {
  yield t;
  ctx.len = ctx.fb.udp(from, to, sport, dport, bytes);
}

export function generateAppActivityTraffic(o: AppActivityOptions): AppActivityCapture {
  const r = new Random(o.seed);
  const sched = new TrafficScheduler(o.out);
  const gwMac = macOf(1);
  const phone: Endpoint = { ip: ipv4('10.20.0.2'), mac: macOf(2) };
  const proxy: Endpoint = { ip: ipv4('10.20.0.254'), mac: macOf(254) };
  const other: Endpoint = { ip: ipv4('10.20.0.77'), mac: macOf(77) };
  const other6: Endpoint = { ip: ipv6('fe80::77'), mac: macOf(77) };
  const resolver: Endpoint = { ip: ipv4('10.20.0.53'), mac: gwMac };
  const ssdp: Endpoint = { ip: ipv4('239.255.255.250'), mac: new Uint8Array([0x01, 0, 0x5e, 0x7f, 0xff, 0xfa]) };
  const mdns6: Endpoint = { ip: ipv6('ff02::fb'), mac: new Uint8Array([0x33, 0x33, 0, 0, 0, 0xfb]) };
  const updates: Endpoint = { ip: ipv4('198.51.100.7'), mac: gwMac };
  const sessions: GroundTruthSession[] = [];
  let t = o.start ?? 1_714_550_400;
  let port = 40_000;
  let arpFrames = 0;
  for (let i = 0; i < o.activities; i++) {
    t += 1 + r.exp(1.5);
    sched.run(t);
    const a = ACTIVITIES[i % ACTIVITIES.length];
    const server: Endpoint = { ip: ipv4(a.ip), mac: gwMac };
    sched.add(dnsLookup(sched.ctx, r, phone, resolver, ++port, a.host, server, t));
    const cport = a.fixedPort ?? ++port;
    const start = Math.round((t + 0.05) * 1e6) / 1e6;
    sched.add(transfer(sched.ctx, r, a, phone, server, cport, start));
    sessions.push({ label: `${a.app}/${a.activity}`, proto: 'tcp', clientIp: '10.20.0.2', clientPort: cport, serverIp: a.ip, serverPort: 443, firstTs: start, sni: a.host });
    // The noise seed 002's packet filter removes: the proxy's own traffic, other devices, non-IP frames.
    if (r.chance(0.6)) sched.add(transfer(sched.ctx, r, { ...ACTIVITIES[0], host: 'updates.proxy.test', ip: '198.51.100.7', fixedPort: undefined }, proxy, updates, ++port, t + 0.2));
    if (r.chance(0.5)) sched.add(udpOnce(sched.ctx, other, ssdp, 1900, 1900, 120, t + 0.3));
    if (r.chance(0.4)) sched.add(udpOnce(sched.ctx, other6, mdns6, 5353, 5353, 80, t + 0.4));
    if (r.chance(0.5)) {
      sched.add(arp(sched.ctx, { mac: phone.mac, ip: phone.ip as number }, { mac: gwMac, ip: ipv4('10.20.0.1') }, t + 0.5));
      arpFrames += 2;
    }
  }
  sched.run(Infinity);
  sched.close();
  return { packets: sched.packets, sessions, phone: '10.20.0.2', proxy: '10.20.0.254', otherHost: '10.20.0.77', otherHost6: 'fe80::77', arpFrames };
}
