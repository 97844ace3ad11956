import { ipv4, ipv6, mac, type Endpoint } from './frame-builder';
import { Random } from './random';
import { dnsLookup, httpHello, ntpExchange, ping, tcpSession, tlsHello, type Site } from './sessions';
import { TrafficScheduler } from './traffic-scheduler';

export interface MixedTrafficOptions {
  seed: number;
  /** Stop after this many packets. */
  packets: number;
  out: string;
  /** Epoch seconds of the first session. */
  start?: number;
  clients?: number;
  /** New sessions per second across all clients. */
  sessionRate?: number;
  /** Share of clients on IPv6. */
  ipv6Share?: number;
  /** Median request/response exchanges per TCP session (default 3). */
  exchanges?: number;
  /** Median response size in bytes (default 6000). */
  responseBytes?: number;
}

const SITE_NAMES = [
  ['www.example.com', ['h2', 'http/1.1']],
  ['static.example.net', ['h2']],
  ['api.weather.test', ['http/1.1']],
  ['mail.example.org', ['h2', 'http/1.1']],
  ['video.cdn.test', ['h2']],
  ['chat.messenger.test', ['h2']],
  ['search.example.com', ['h2', 'http/1.1']],
  ['cloud.storage.test', ['h2']],
  ['news.example.org', ['http/1.1']],
  ['updates.vendor.test', ['http/1.1']],
] as const;

/**
 * Mixed, realistic traffic for demos and benchmarks: clients resolve names and
 * open HTTPS (TLS 1.2/1.3 hellos with SNI and ALPN) and HTTP sessions with
 * log-normal sizes, plus NTP and pings; a share of clients use IPv6. The same
 * seed always gives the same bytes.
 */
export function generateMixedTraffic(o: MixedTrafficOptions): { packets: number } {
  const r = new Random(o.seed);
  const start = o.start ?? 1_700_000_000;
  const nClients = o.clients ?? 200;
  const rate = o.sessionRate ?? 40;
  const v6Share = o.ipv6Share ?? 0.1;
  const gw = mac(1);
  const clients = Array.from({ length: nClients }, (_, i) => {
    const v6 = r.chance(v6Share);
    const ep: Endpoint = { ip: v6 ? ipv6(`2001:db8:1::${(i + 16).toString(16)}`) : ipv4(`192.168.${1 + (i >> 8)}.${(i & 255) + 1}`), mac: mac(0x100 + i) };
    return { ep, v6, nextPort: r.int(32768, 60000) };
  });
  const resolver4: Endpoint = { ip: ipv4('192.168.0.53'), mac: gw };
  const resolver6: Endpoint = { ip: ipv6('2001:db8:1::53'), mac: gw };
  const sites: (Site & { ip6: Endpoint })[] = SITE_NAMES.map(([name, alpn], i) => ({
    name,
    alpn: [...alpn],
    ip: { ip: ipv4(`93.184.${216 + i}.${10 + i}`), mac: gw },
    ip6: { ip: ipv6(`2606:2800:220:${i + 1}::1946`), mac: gw },
  }));
  const ntp: Endpoint = { ip: ipv4('203.0.113.123'), mac: gw };

  const sched = new TrafficScheduler(o.out);
  let t = start;
  while (sched.packets < o.packets) {
    t += r.exp(1 / rate);
    sched.run(t, o.packets);
    if (sched.packets >= o.packets) break;
    const c = clients[r.int(0, clients.length - 1)];
    const port = () => (c.nextPort = c.nextPort >= 60999 ? 32768 : c.nextPort + 1);
    const kind = r.next();
    const site = r.pick(sites);
    const server = c.v6 ? site.ip6 : site.ip;
    const rtt = r.logNormal(0.03, 0.5);
    if (kind < 0.8) {
      const resolver = c.v6 ? resolver6 : resolver4;
      sched.add(dnsLookup(sched.ctx, r, c.ep, resolver, port(), site.name, server, t));
      const https = kind < 0.65;
      const exchanges = Math.max(1, Math.round(r.logNormal(o.exchanges ?? 3, 0.8)));
      sched.add(
        tcpSession(sched.ctx, r, {
          client: c.ep,
          server,
          cport: port(),
          sport: https ? 443 : 80,
          t: t + 0.03,
          rtt,
          exchanges,
          requestBytes: () => r.logNormal(350, 0.5),
          responseBytes: () => r.logNormal(o.responseBytes ?? 6000, 1.3),
          think: () => r.exp(2),
          hello: https ? tlsHello(r, site, r.chance(0.7)) : httpHello(site, `/page/${r.int(1, 999)}`, r.int(200, 1200)),
          close: r.chance(0.06) ? 'rst' : 'fin',
          retransmit: 0.004,
        }),
      );
    } else if (kind < 0.92) {
      const resolver = c.v6 ? resolver6 : resolver4;
      sched.add(dnsLookup(sched.ctx, r, c.ep, resolver, port(), r.pick(sites).name, server, t));
    } else if (kind < 0.97 && !c.v6) {
      sched.add(ntpExchange(sched.ctx, r, c.ep, ntp, port(), t));
    } else {
      sched.add(ping(sched.ctx, r, c.ep, server, r.int(1, 4), t));
    }
  }
  sched.run(Infinity, o.packets);
  sched.close();
  return { packets: sched.packets };
}
