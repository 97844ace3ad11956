import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tlsSession, udpCall, type Exchange, type NetworkProfile, type TlsClient } from './activity-sessions';
import { ipv4, mac, type Endpoint } from './frame-builder';
import { Random } from './random';
import { dnsLookup } from './sessions';
import { TrafficScheduler } from './traffic-scheduler';

/**
 * Labelled per-activity traffic for several apps, as researchers record it
 * (seed 002): each capture is one device on one network, running a
 * random sequence of app activities. Apps differ in their servers and TLS
 * client (SNI, JA4), so rule labels could work at app level; activities of
 * one app share servers, and some activities of different apps behave alike
 * (a photo sent in chat vs a mail with an attachment, a catalogue browsed
 * vs a web page on the same CDN, a video watched vs a file downloaded), so
 * a classifier has to read flow statistics. Networks differ per capture
 * (round trip, loss), which is what a grouped evaluation by capture sees.
 */

interface Plan {
  kind: 'tls' | 'udp';
  server: string;
  port: number;
  exchanges?: Exchange[];
  seconds?: number;
  streams?: { pps: number; size: [number, number] }[];
}

interface Activity {
  label: string;
  weight: number;
  plan(r: Random): Plan;
}

interface App {
  name: string;
  tls: TlsClient;
  activities: Activity[];
}

const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));

export const APPS: App[] = [
  {
    name: 'Chatter',
    tls: { ciphers: [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f], alpn: ['h2'], tls13: true },
    activities: [
      { label: 'send-text', weight: 3, plan: (r) => ({ kind: 'tls', server: 'chat.chatter.test', port: 443, exchanges: times(r.int(1, 3), () => ({ up: r.logNormal(300, 0.4), down: r.logNormal(150, 0.4), pause: r.exp(1.5) })) }) },
      { label: 'send-photo', weight: 2, plan: (r) => ({ kind: 'tls', server: 'media.chatter.test', port: 443, exchanges: [{ up: r.logNormal(120_000, 0.6), down: r.logNormal(300, 0.3), pause: 0.2 }] }) },
      { label: 'voice-call', weight: 1, plan: (r) => ({ kind: 'udp', server: 'relay.chatter.test', port: 3478, seconds: r.int(6, 14), streams: [{ pps: 50, size: [90, 160] }] }) },
      { label: 'video-call', weight: 1, plan: (r) => ({ kind: 'udp', server: 'relay.chatter.test', port: 3478, seconds: r.int(6, 12), streams: [{ pps: 50, size: [90, 160] }, { pps: 24, size: [700, 1200] }] }) },
    ],
  },
  {
    name: 'Streamly',
    tls: { ciphers: [0x1301, 0x1303, 0x1302, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc02b, 0xc02f], alpn: ['h2', 'http/1.1'], tls13: true },
    activities: [
      { label: 'watch', weight: 2, plan: (r) => ({ kind: 'tls', server: 'cdn.streamly.test', port: 443, exchanges: times(r.int(3, 6), () => ({ up: r.logNormal(600, 0.3), down: r.logNormal(200_000, 0.4), pause: 1.5 + r.next() * 1.5 })) }) },
      { label: 'browse-catalog', weight: 2, plan: (r) => ({ kind: 'tls', server: r.chance(0.5) ? 'api.streamly.test' : 'cdn.shared.test', port: 443, exchanges: times(r.int(2, 6), () => ({ up: r.logNormal(500, 0.4), down: r.logNormal(30_000, 0.8), pause: r.exp(0.8) })) }) },
    ],
  },
  {
    name: 'Browser',
    tls: { ciphers: [0x1301, 0x1302, 0x1303, 0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035], alpn: ['h2', 'http/1.1'], tls13: true },
    activities: [
      { label: 'browse', weight: 4, plan: (r) => ({ kind: 'tls', server: r.pick(['news.example.test', 'shop.example.test', 'cdn.shared.test']), port: 443, exchanges: times(r.int(1, 8), () => ({ up: r.logNormal(500, 0.5), down: r.logNormal(25_000, 1.0), pause: r.exp(1) })) }) },
      { label: 'download', weight: 1, plan: (r) => ({ kind: 'tls', server: 'dl.files.test', port: 443, exchanges: [{ up: r.logNormal(400, 0.3), down: r.logNormal(600_000, 0.5), pause: 0 }] }) },
    ],
  },
  {
    name: 'Mailer',
    tls: { ciphers: [0xc02f, 0xc030, 0xc02b, 0xc02c, 0x009c, 0x009d], alpn: [], tls13: false },
    activities: [
      { label: 'sync', weight: 2, plan: (r) => ({ kind: 'tls', server: 'imap.mailer.test', port: 993, exchanges: times(r.int(2, 5), () => ({ up: r.logNormal(120, 0.3), down: r.logNormal(2_000, 1.0), pause: r.exp(3) })) }) },
      { label: 'send-mail', weight: 1, plan: (r) => ({ kind: 'tls', server: 'smtp.mailer.test', port: 465, exchanges: [{ up: r.logNormal(200, 0.3), down: r.logNormal(100, 0.3), pause: 0.1 }, { up: r.logNormal(80_000, 1.0), down: r.logNormal(200, 0.3), pause: 0 }] }) },
    ],
  },
];

/** Every activity label the scenario can produce, `App/activity`. */
export const ACTIVITY_LABELS = APPS.flatMap((a) => a.activities.map((x) => `${a.name}/${x.label}`));

/** Every server the plans name, each with an address of its own. */
const SERVERS = ['chat.chatter.test', 'media.chatter.test', 'relay.chatter.test', 'cdn.streamly.test', 'api.streamly.test', 'cdn.shared.test', 'news.example.test', 'shop.example.test', 'dl.files.test', 'imap.mailer.test', 'smtp.mailer.test'];

const NETWORKS: NetworkProfile[] = [
  { rtt: 0.012, rttSpread: 0.3, loss: 0 },
  { rtt: 0.03, rttSpread: 0.3, loss: 0.002 },
  { rtt: 0.06, rttSpread: 0.4, loss: 0.005 },
  { rtt: 0.09, rttSpread: 0.4, loss: 0.01 },
];

export interface GroundTruthRow {
  src_ip: string;
  src_port: number;
  dst_ip: string;
  dst_port: number;
  proto: 'tcp' | 'udp';
  label: string;
  first_ts: number;
  /** The capture file (not a CSV column: which file the flow is in). */
  capture: string;
}

export interface ActivityScenarioOptions {
  seed: number;
  outDir: string;
  /** Capture files (devices) per scenario. */
  captures?: number;
  /** Labelled sessions per capture. */
  sessions?: number;
  start?: number;
  /** Frames longer than this are recorded as their first 128 bytes (default 600; Infinity: whole). */
  snapAbove?: number;
}

export interface ActivityScenario {
  captures: string[];
  groundTruthCsv: string;
  rows: GroundTruthRow[];
}

/** Writes `captures` pcaps and one ground-truth CSV (src_ip,src_port,dst_ip,dst_port,proto,label,first_ts). */
export function generateActivityScenario(o: ActivityScenarioOptions): ActivityScenario {
  const r = new Random(o.seed);
  mkdirSync(o.outDir, { recursive: true });
  const gw = mac(1);
  const serverIp = (name: string) => `198.51.100.${10 + SERVERS.indexOf(name)}`;
  const resolver: Endpoint = { ip: ipv4('10.20.0.53'), mac: gw };
  const weighted = APPS.flatMap((app) => app.activities.flatMap((act) => times(act.weight, () => ({ app, act }))));
  const rows: GroundTruthRow[] = [];
  const captures: string[] = [];
  const nCaptures = o.captures ?? 6;
  for (let c = 0; c < nCaptures; c++) {
    const file = join(o.outDir, `activities-${o.seed}-${c + 1}.pcap`);
    captures.push(file);
    const net = NETWORKS[(c + o.seed) % NETWORKS.length];
    const clientIp = `10.20.${1 + (o.seed % 200)}.${10 + c}`;
    const client: Endpoint = { ip: ipv4(clientIp), mac: mac(0x200 + c) };
    // Hellos are recorded whole (SNI, JA4); bulk data segments only as headers.
    const sched = new TrafficScheduler(file, o.snapAbove ?? 600);
    let t = (o.start ?? 1_767_000_000) + o.seed * 86_400 + c * 3600;
    let port = r.int(33000, 50000);
    for (let s = 0; s < (o.sessions ?? 80); s++) {
      t += r.exp(4);
      sched.run(t);
      const { app, act } = r.pick(weighted);
      const plan = act.plan(r);
      const server: Endpoint = { ip: ipv4(serverIp(plan.server)), mac: gw };
      sched.add(dnsLookup(sched.ctx, r, client, resolver, ++port, plan.server, server, t));
      const cport = ++port;
      const start = t + 0.03;
      if (plan.kind === 'tls') {
        sched.add(tlsSession(sched.ctx, r, { client, server, cport, sport: plan.port, t: start, net, sni: plan.server, tls: app.tls, exchanges: plan.exchanges! }));
      } else {
        sched.add(udpCall(sched.ctx, r, { client, server, cport, sport: plan.port, t: start, seconds: plan.seconds!, streams: plan.streams! }));
      }
      rows.push({ src_ip: clientIp, src_port: cport, dst_ip: serverIp(plan.server), dst_port: plan.port, proto: plan.kind === 'tls' ? 'tcp' : 'udp', label: `${app.name}/${act.label}`, first_ts: start, capture: file });
    }
    sched.run(Infinity);
    sched.close();
  }
  const groundTruthCsv = join(o.outDir, `ground-truth-${o.seed}.csv`);
  writeFileSync(groundTruthCsv, ['src_ip,src_port,dst_ip,dst_port,proto,label,first_ts', ...rows.map((x) => `${x.src_ip},${x.src_port},${x.dst_ip},${x.dst_port},${x.proto},${x.label},${x.first_ts.toFixed(6)}`)].join('\n') + '\n');
  return { captures, groundTruthCsv, rows };
}
